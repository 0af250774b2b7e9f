import { SessionCertificatesSchema } from '@sujarit/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { certificateKeys } from './certificate-keys';

interface WithdrawInput {
  sessionId: string;
  personId: string;
  reason: string;
}

export const withdrawCertificate = ({ sessionId, personId, reason }: WithdrawInput) =>
  apiRequest(`/sessions/${encodeURIComponent(sessionId)}/certificates/${encodeURIComponent(personId)}/withdraw`, SessionCertificatesSchema, {
    method: 'POST',
    body: { reason },
  });

export function useWithdrawCertificate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: withdrawCertificate,
    onSuccess: (list, { sessionId }) => queryClient.setQueryData(certificateKeys.session(sessionId), list),
  });
}
