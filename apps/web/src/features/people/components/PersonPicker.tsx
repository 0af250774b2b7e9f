import type { Person } from '@sujarit/contracts';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { SearchInput } from '../../../components/SearchInput';
import { Link } from 'react-router-dom';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Loading } from '../../../components/Loading';
import { useSearchPeople } from '../api/search-people';
import { useDebouncedValue } from '../hooks/use-debounced-value';
import { describePerson } from './describe-person';

interface PersonPickerProps {
  /** What to offer beside each person found, e.g. a button that enrols them in a session. */
  renderAction: (person: Person) => ReactNode;
  /** The page to come back to from the registry after adding someone new. */
  returnTo?: string;
}

const RESULT_LIMIT = 10;

/** Finds people in the registry by part of the name, as the organizer types. */
export function PersonPicker({ renderAction, returnTo }: PersonPickerProps) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const settled = useDebouncedValue(query.trim());
  const search = useSearchPeople({ q: settled, limit: RESULT_LIMIT }, settled.length > 0);
  const people = settled ? search.data?.people : undefined;
  const addHref = `/people${returnTo ? `?returnTo=${encodeURIComponent(returnTo)}` : ''}#add-person`;
  return (
    <div className="stack person-picker">
      <SearchInput label={t('people.picker.search')} hint={t('people.picker.hint')} value={query} onChange={setQuery} />
      {settled && search.isPending && <Loading />}
      <ErrorAlert error={settled ? search.error : null} />
      {people && people.length === 0 && (
        <p className="muted" role="status">
          {t('people.picker.empty', { q: settled })}
        </p>
      )}
      {people && people.length > 0 && (
        <ul className="person-results" aria-label={t('people.picker.results')}>
          {people.map((person) => (
            <li key={person.id} className="person-results__item">
              <div className="person-results__who">
                <span className="person-results__name">{person.fullName}</span>
                <span className="muted">{describePerson(t, person)}</span>
              </div>
              <div className="person-results__action">{renderAction(person)}</div>
            </li>
          ))}
        </ul>
      )}
      <p>
        <Link to={addHref}>+ {t('people.picker.addNew')}</Link>
      </p>
    </div>
  );
}
