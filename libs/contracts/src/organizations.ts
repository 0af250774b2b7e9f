import { z } from 'zod';
import { says, type ValidationMessageKey } from './messages';
import { hasVisibleCharacter } from './common';

const text = (max: number, required: ValidationMessageKey) =>
  z.string().trim().min(1, says(required)).max(max).refine(hasVisibleCharacter, says(required));
const optionalText = (max: number) =>
  z.string().trim().max(max).nullable().default(null);

/** Logos: PNG or JPEG only (no SVG, which can carry scripts), at most this many bytes and pixels a side. */
export const LOGO_MEDIA_TYPES = ['image/png', 'image/jpeg'] as const;
export const MAX_LOGO_BYTES = 512 * 1024;
export const MAX_LOGO_PIXELS = 2000;

/** What an admin keeps about the organization; reports and certificates print it. */
export const OrganizationProfileFieldsSchema = z.strictObject({
  /** The full Thai name, e.g. องค์การบริหารส่วนตำบลพร่อน. */
  name: text(200, 'organizationNameRequired'),
  /** The short name used in headers, e.g. อบต.พร่อน. */
  shortName: text(60, 'shortNameRequired'),
  nameEn: optionalText(200),
  province: text(60, 'provinceRequired'),
  address: optionalText(500),
  /** The executive who signs reports and certificates, and their position. */
  signatoryName: optionalText(120),
  signatoryPosition: optionalText(200),
});
export type OrganizationProfileFields = z.infer<typeof OrganizationProfileFieldsSchema>;
export type OrganizationProfileInput = z.input<typeof OrganizationProfileFieldsSchema>;

export const OrganizationProfileSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  shortName: z.string().nullable(),
  nameEn: z.string().nullable(),
  province: z.string().nullable(),
  address: z.string().nullable(),
  signatoryName: z.string().nullable(),
  signatoryPosition: z.string().nullable(),
  /** Where the logo is served, with a version so a new one is fetched; null without a logo. */
  logoUrl: z.string().nullable(),
});
export type OrganizationProfile = z.infer<typeof OrganizationProfileSchema>;
