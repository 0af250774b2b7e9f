import type { Person } from '@sujarit/contracts';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useErasePerson } from '../api/erase-person';
import { describePerson } from './describe-person';
import { EditPersonForm } from './EditPersonForm';

interface PersonRowProps {
  person: Person;
  onErased: () => void;
}

/** One person in the registry, corrected in place; erasure (PDPA) asks once more, since it cannot be undone. */
export function PersonRow({ person, onErased }: PersonRowProps) {
  const { t } = useTranslation();
  const warningId = useId();
  const warningRef = useRef<HTMLParagraphElement>(null);
  const [confirming, setConfirming] = useState(false);
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const editButtonRef = useRef<HTMLButtonElement>(null);
  const eraseMutation = useErasePerson();
  useEffect(() => {
    // The warning is read first; focus never lands on the button that erases.
    if (confirming) warningRef.current?.focus();
  }, [confirming]);
  const consent = person.guardianConsent;
  if (editing) {
    return (
      <li className="person-row person-row--editing">
        <EditPersonForm
          person={person}
          onDone={(done) => {
            setEditing(false);
            setSaved(done);
            // Back where the user started: on the row's own edit button.
            requestAnimationFrame(() => editButtonRef.current?.focus());
          }}
        />
      </li>
    );
  }
  return (
    <li className="person-row">
      <div className="person-row__main">
        <p className="person-row__name">{person.fullName}</p>
        <p className="person-row__meta">{describePerson(t, person)}</p>
        {(person.minor || consent) && (
          <p className="person-row__meta">
            {person.minor && <span className="badge badge--minor">{t('people.list.minor')}</span>}{' '}
            {consent ? t('people.list.consent', { name: consent.guardianName }) : t('people.list.noConsent')}
          </p>
        )}
        {person.phone && <p className="person-row__meta">{t('people.list.phone', { phone: person.phone })}</p>}
        {saved && (
          <p className="person-row__meta" role="status">
            {t('people.edit.saved')}
          </p>
        )}
      </div>
      {confirming ? (
        <div className="alert alert--warning erase-confirm" role="group" aria-labelledby={warningId}>
          <p id={warningId} ref={warningRef} tabIndex={-1}>
            {t('people.erase.warning', { name: person.fullName })}
          </p>
          <div className="erase-confirm__buttons">
            <button
              type="button"
              className="button button--danger"
              disabled={eraseMutation.isPending}
              aria-busy={eraseMutation.isPending || undefined}
              onClick={() => eraseMutation.mutate(person.id, { onSuccess: onErased })}
            >
              {t('people.erase.confirm')}
            </button>
            <button type="button" className="button" disabled={eraseMutation.isPending} onClick={() => setConfirming(false)}>
              {t('people.erase.cancel')}
            </button>
          </div>
          <ErrorAlert error={eraseMutation.error} />
        </div>
      ) : (
        <div className="erase-confirm__buttons">
          <button
            type="button"
            ref={editButtonRef}
            className="button button--small"
            aria-label={t('people.edit.label', { name: person.fullName })}
            onClick={() => {
              setSaved(false);
              setEditing(true);
            }}
          >
            {t('people.edit.button')}
          </button>
          <button
            type="button"
            className="button button--small person-row__erase"
            aria-label={t('people.erase.label', { name: person.fullName })}
            onClick={() => setConfirming(true)}
          >
            {t('people.erase.button')}
          </button>
        </div>
      )}
    </li>
  );
}
