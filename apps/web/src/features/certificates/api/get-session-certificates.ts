import { SessionCertificatesSchema } from '@sujarit/contracts';
import { useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { certificateKeys } from './certificate-keys';

export const getSessionCertificates = (sessionId: string, signal?: AbortSignal) =>
  apiRequest(`/sessions/${encodeURIComponent(sessionId)}/certificates`, SessionCertificatesSchema, { signal });

export const useSessionCertificates = (sessionId: string) =>
  useQuery({ queryKey: certificateKeys.session(sessionId), queryFn: ({ signal }) => getSessionCertificates(sessionId, signal) });

/** Where a PDF is downloaded from: the whole session's, or one person's. */
export const sessionCertificatesPdfUrl = (sessionId: string) => `/api/sessions/${encodeURIComponent(sessionId)}/certificates.pdf`;
export const personCertificatePdfUrl = (sessionId: string, personId: string) =>
  `/api/sessions/${encodeURIComponent(sessionId)}/certificates/${encodeURIComponent(personId)}/certificate.pdf`;
