import type { Person } from '@sujarit/contracts';
import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
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
  const inputId = useId();
  const [query, setQuery] = useState('');
  const settled = useDebouncedValue(query.trim());
  const search = useSearchPeople({ q: settled, limit: RESULT_LIMIT }, settled.length > 0);
  const people = settled ? search.data?.people : undefined;
  const addHref = `/people${returnTo ? `?returnTo=${encodeURIComponent(returnTo)}` : ''}#add-person`;
  return (
    <div className="stack person-picker">
      <div className="field">
        <label className="field__label" htmlFor={inputId}>
          {t('people.picker.search')}
        </label>
        <input
          id={inputId}
          className="input"
          type="search"
          autoComplete="off"
          enterKeyHint="search"
          aria-describedby={`${inputId}-hint`}
          value={query}
          onChange={(event) => setQuery(event.target.value)}
        />
        <p className="field__hint" id={`${inputId}-hint`}>
          {t('people.picker.hint')}
        </p>
      </div>
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
