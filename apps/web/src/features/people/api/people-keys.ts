import type { PersonGroup } from '@sujarit/contracts';

export interface PeopleSearch {
  q: string;
  group?: PersonGroup;
  limit: number;
}

/** Query keys of the registry; every one starts with 'people' so one invalidation reaches all. */
export const peopleKeys = {
  all: ['people'] as const,
  search: (search: PeopleSearch) => ['people', 'search', search] as const,
  duplicates: ['people', 'duplicates'] as const,
};
