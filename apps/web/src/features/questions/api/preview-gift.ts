import { GiftImportPreviewSchema } from '@sujarit/contracts';
import { useMutation } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';

/** Reads a GIFT file (Moodle) on the server and says which questions can be added; changes nothing. */
export function previewGift({ programId, file }: { programId: string; file: File }) {
  const body = new FormData();
  body.append('file', file);
  return apiRequest(`/programs/${encodeURIComponent(programId)}/questions/import/gift/preview`, GiftImportPreviewSchema, {
    method: 'POST',
    body,
  });
}

export const usePreviewGift = () => useMutation({ mutationFn: previewGift });
