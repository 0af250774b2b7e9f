import { z } from 'zod';
import { says } from './messages';
import { hasVisibleCharacter } from './visible-text';

export { hasVisibleCharacter };

export const UuidSchema = z.uuid();
/**
 * The years of Bangkok time an instant may fall in: those of the fiscal years a plan can cover (below). Further off
 * is a typing mistake, and PostgreSQL has no year 0.
 */
const EARLIEST_INSTANT = Date.parse('1957-01-01T00:00:00+07:00'); // 1 January 2500 BE
const END_OF_INSTANTS = Date.parse('2158-01-01T00:00:00+07:00'); // after 31 December 2700 BE
export const InstantSchema = z.iso
  .datetime({ offset: true, ...says('instantFormat') })
  // Text that is no date at all is the format check's to report.
  .refine((value) => Number.isNaN(Date.parse(value)) || (Date.parse(value) >= EARLIEST_INSTANT && Date.parse(value) < END_OF_INSTANTS), says('instantRange'));
/** Buddhist Era fiscal year, bounded to what a plan can plausibly cover. */
export const FiscalYearSchema = z.coerce
  .number()
  .int()
  .min(2500, says('fiscalYearBuddhistEra'))
  .max(2700, says('fiscalYearBuddhistEra'));

