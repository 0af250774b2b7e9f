import { MINOR_AGE_BANDS, type Person as PersonView } from '@sujarit/contracts';
import type { Person } from '../database/entities/person.entity';

export function toPersonView(person: Person): PersonView {
  return {
    id: person.id,
    fullName: person.fullName,
    group: person.group,
    village: person.village,
    school: person.school,
    ageBand: person.ageBand,
    phone: person.phone,
    minor: person.ageBand !== null && MINOR_AGE_BANDS.includes(person.ageBand),
    guardianConsent:
      person.guardianName && person.guardianConsentRecordedAt
        ? { guardianName: person.guardianName, recordedAt: person.guardianConsentRecordedAt.toISOString() }
        : null,
    erased: person.erasedAt !== null,
  };
}
