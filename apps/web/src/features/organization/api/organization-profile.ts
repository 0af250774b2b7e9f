import { OrganizationProfileSchema, type OrganizationProfileFields } from '@sujarit/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';

export const organizationKey = ['organization'] as const;

export const getOrganization = () => apiRequest('/organization', OrganizationProfileSchema);

export const useOrganization = () => useQuery({ queryKey: organizationKey, queryFn: getOrganization });

export const updateOrganization = (fields: OrganizationProfileFields) =>
  apiRequest('/organization', OrganizationProfileSchema, { method: 'PUT', body: fields });

/** Saving the profile also renames the organization in the header, which reads it from the signed-in user. */
export function useUpdateOrganization() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateOrganization,
    onSuccess: (profile) => {
      queryClient.setQueryData(organizationKey, profile);
      void queryClient.invalidateQueries({ queryKey: ['auth', 'me'] });
    },
  });
}
