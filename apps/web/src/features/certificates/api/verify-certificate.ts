import { CertificateVerificationSchema } from '@sujarit/contracts';
import { useQuery } from '@tanstack/react-query';
import { apiRequest, isApiError } from '../../../lib/api-client';
import { certificateKeys } from './certificate-keys';

export const verifyCertificate = (code: string, signal?: AbortSignal) =>
  apiRequest(`/certificates/verify/${encodeURIComponent(code)}`, CertificateVerificationSchema, { signal });

/** An unknown code is an answer ("not found"), not a failure to retry. */
export const useCertificateVerification = (code: string) =>
  useQuery({
    queryKey: certificateKeys.verify(code),
    queryFn: ({ signal }) => verifyCertificate(code, signal),
    retry: (count, error) => !(isApiError(error) && error.status < 500) && count < 2,
  });
