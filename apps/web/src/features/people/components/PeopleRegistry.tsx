import { PERSON_GROUPS, type PersonGroup } from '@sujarit/contracts';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SearchInput } from '../../../components/SearchInput';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Loading } from '../../../components/Loading';
import { formatCount } from '../../../lib/numbers';
import { useSearchPeople } from '../api/search-people';
import { useDebouncedValue } from '../hooks/use-debounced-value';
import { PersonRow } from './PersonRow';

const PAGE_SIZE = 50;

const isPersonGroup = (value: string): value is PersonGroup => (PERSON_GROUPS as readonly string[]).includes(value);

/** The registry, searched by part of a name and by group, in Thai order. */
export function PeopleRegistry() {
  const { t } = useTranslation();
  const groupId = useId();
  const [query, setQuery] = useState('');
  const [group, setGroup] = useState<PersonGroup | ''>('');
  const [erased, setErased] = useState(false);
  const settled = useDebouncedValue(query.trim());
  const search = useSearchPeople({ q: settled, group: group || undefined, limit: PAGE_SIZE });
  const list = search.data;
  return (
    <section className="card stack" aria-labelledby="registry-heading">
      <h2 id="registry-heading">{t('people.list.label')}</h2>
      <div className="page__filters">
        <SearchInput className="field--inline" label={t('people.search.label')} value={query} onChange={setQuery} />
        <div className="field field--inline">
          <label className="field__label" htmlFor={groupId}>
            {t('people.search.group')}
          </label>
          <select
            id={groupId}
            className="input"
            value={group}
            onChange={(event) => setGroup(isPersonGroup(event.target.value) ? event.target.value : '')}
          >
            <option value="">{t('people.search.allGroups')}</option>
            {PERSON_GROUPS.map((g) => (
              <option key={g} value={g}>
                {t(`groups.${g}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      {erased && (
        <p className="alert alert--ok" role="status">
          {t('people.erase.done')}
        </p>
      )}
      {search.isPending && <Loading />}
      <ErrorAlert error={search.error} onRetry={() => void search.refetch()} />
      {list && (
        <p className="muted" aria-live="polite">
          {list.people.length === 0
            ? t('people.search.empty')
            : list.total > list.people.length
              ? t('people.search.partial', { shown: formatCount(list.people.length), total: formatCount(list.total) })
              : t('people.search.total', { n: formatCount(list.total) })}
        </p>
      )}
      {list && list.people.length > 0 && (
        <ul className="person-list" aria-label={t('people.list.label')}>
          {list.people.map((person) => (
            <PersonRow key={person.id} person={person} onErased={() => setErased(true)} />
          ))}
        </ul>
      )}
    </section>
  );
}
