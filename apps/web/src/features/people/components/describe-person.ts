import type { Person } from '@sujarit/contracts';
import type { TFunction } from 'i18next';

/** Group, village, school and age band in one line, e.g. "เด็กและเยาวชน · หมู่ที่ 3 · โรงเรียนบ้านพร่อน · 12–14 ปี". */
export function describePerson(t: TFunction, person: Person): string {
  return [
    t(`groups.${person.group}`),
    person.village !== null ? t('people.list.village', { n: person.village }) : null,
    person.school,
    person.ageBand ? t(`people.ageBands.${person.ageBand}`) : null,
  ]
    .filter(Boolean)
    .join(' · ');
}
