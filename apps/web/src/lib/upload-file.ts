import { z } from 'zod';

/** The server's limit on an uploaded file; checked here too, so a large file is refused before it goes over a weak line. */
export const MAX_UPLOAD_BYTES = 2 * 1024 * 1024;

/** A form with one file input (`file`): a file of these extensions within the limit, refused with the form's own words. */
export function uploadFileSchema(extensions: RegExp, messages: { chooseFile: string; wrongType: string; tooLarge: string }) {
  return z.object({
    file: z
      .custom<FileList>((files) => files instanceof FileList && files.length > 0, { message: messages.chooseFile })
      .transform((files) => files[0] as File)
      .refine((file) => extensions.test(file.name), { message: messages.wrongType })
      .refine((file) => file.size <= MAX_UPLOAD_BYTES, { message: messages.tooLarge }),
  });
}
