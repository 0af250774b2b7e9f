import { OrganizationProfileSchema } from '@sujarit/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { organizationKey } from './organization-profile';

export const uploadLogo = (file: File) => {
  const body = new FormData();
  body.append('file', file);
  return apiRequest('/organization/logo', OrganizationProfileSchema, { method: 'PUT', body });
};

export const removeLogo = () => apiRequest('/organization/logo', OrganizationProfileSchema, { method: 'DELETE' });

export function useUploadLogo() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: uploadLogo, onSuccess: (profile) => queryClient.setQueryData(organizationKey, profile) });
}

export function useRemoveLogo() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: removeLogo, onSuccess: (profile) => queryClient.setQueryData(organizationKey, profile) });
}
