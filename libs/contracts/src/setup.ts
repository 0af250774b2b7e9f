import { z } from 'zod';
import { says } from './messages';
import { NewPasswordSchema } from './auth';
import { hasVisibleCharacter } from './common';
import { OrganizationProfileFieldsSchema } from './organizations';
import { ProgramTemplateSchema } from './programs';

/** Whether this deployment still needs its first organization, and the templates it may start from. */
export const SetupStatusSchema = z.object({
  needed: z.boolean(),
  templates: z.array(ProgramTemplateSchema),
});
export type SetupStatus = z.infer<typeof SetupStatusSchema>;

/** The first organization and its first admin, who signs in at once. */
export const SetupRequestSchema = z.strictObject({
  organization: OrganizationProfileFieldsSchema.pick({ name: true, shortName: true, province: true }).strict(),
  admin: z.strictObject({
    displayName: z
      .string()
      .trim()
      .min(2, says('fullNameRequired'))
      .max(120)
      .refine(hasVisibleCharacter, says('fullNameRequired')),
    email: z.string().trim().toLowerCase().email(says('emailInvalid')).max(200),
    password: NewPasswordSchema,
  }),
  /** A program template to start from, or null to start with no programs. */
  templateId: z.string().max(100).nullable(),
});
export type SetupRequest = z.infer<typeof SetupRequestSchema>;
export type SetupInput = z.input<typeof SetupRequestSchema>;
