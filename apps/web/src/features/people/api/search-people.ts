import { PersonListSchema } from '@sujarit/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { peopleKeys, type PeopleSearch } from './people-keys';

export const searchPeople = ({ q, group, limit }: PeopleSearch, signal?: AbortSignal) =>
  apiRequest('/people', PersonListSchema, { query: { q: q.trim(), group, limit }, signal });

/** The last answer stays on screen while the next one loads, so the list does not blink on every key. */
export const useSearchPeople = (search: PeopleSearch, enabled = true) =>
  useQuery({
    queryKey: peopleKeys.search(search),
    queryFn: ({ signal }) => searchPeople(search, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
