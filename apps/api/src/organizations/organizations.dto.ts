import { OrganizationProfileFieldsSchema, OrganizationProfileSchema } from '@sujarit/contracts';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

export class OrganizationProfileFieldsDto extends createZodDto(OrganizationProfileFieldsSchema) {}
export class OrganizationProfileDto extends createZodDto(OrganizationProfileSchema) {}
/** `?v=` only busts caches; any short text is fine. */
export class LogoQueryDto extends createZodDto(z.strictObject({ v: z.string().max(20).optional() })) {}
