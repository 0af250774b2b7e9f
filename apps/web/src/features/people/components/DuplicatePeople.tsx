import type { DuplicateCandidate } from '@sujarit/contracts';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { formatCount } from '../../../lib/numbers';
import { useDuplicatePeople, useMergePeople } from '../api/merge-people';
import { describePerson } from './describe-person';

/**
 * Entries of the registry whose names read the same (the Thai name key): one person entered twice counts twice in
 * "distinct people trained" until merged. Shown only when there is something to merge.
 */
export function DuplicatePeople() {
  const { t } = useTranslation();
  const duplicates = useDuplicatePeople();
  const [done, setDone] = useState<string | null>(null);
  const groups = duplicates.data?.groups ?? [];
  if (groups.length === 0 && !done && !duplicates.error) return null;
  return (
    <section className="card stack" aria-labelledby="duplicates-heading">
      <h2 id="duplicates-heading">{t('people.merge.title')}</h2>
      <p className="note">{t('people.merge.definition')}</p>
      {done && (
        <p className="alert alert--ok" role="status">
          {done}
        </p>
      )}
      <ErrorAlert error={duplicates.error} onRetry={() => void duplicates.refetch()} />
      {groups.map((group) => (
        <DuplicateGroup key={group.people.map((p) => p.id).join()} people={group.people} onMerged={setDone} />
      ))}
    </section>
  );
}

function DuplicateGroup({ people, onMerged }: { people: DuplicateCandidate[]; onMerged: (message: string) => void }) {
  const { t } = useTranslation();
  const name = useId();
  // The entry with the most history is the likeliest one to keep.
  const [keepId, setKeepId] = useState(() => [...people].sort((a, b) => b.enrolments + b.attempts - (a.enrolments + a.attempts))[0].id);
  const [confirming, setConfirming] = useState(false);
  const merge = useMergePeople();
  const keep = people.find((p) => p.id === keepId) ?? people[0];
  const others = people.filter((p) => p.id !== keep.id);
  return (
    <fieldset className="stack duplicate-group">
      <legend>{t('people.merge.choose')}</legend>
      {people.map((person) => (
        <label key={person.id} className="checkbox duplicate-group__choice">
          <input
            type="radio"
            name={name}
            value={person.id}
            checked={person.id === keep.id}
            onChange={() => {
              setKeepId(person.id);
              setConfirming(false);
            }}
          />
          <span>
            <strong>{person.fullName}</strong>
            <br />
            <span className="muted">
              {describePerson(t, person)} ·{' '}
              {t('people.merge.history', { enrolments: formatCount(person.enrolments), attempts: formatCount(person.attempts) })}
            </span>
          </span>
        </label>
      ))}
      {confirming ? (
        <div className="alert alert--warning stack" role="group" aria-label={t('people.merge.confirmLabel')}>
          <p>{t('people.merge.warning', { keep: keep.fullName, count: others.length })}</p>
          <div className="erase-confirm__buttons">
            <button
              type="button"
              className="button button--primary"
              disabled={merge.isPending}
              aria-busy={merge.isPending || undefined}
              onClick={() =>
                merge.mutate(
                  { keepId: keep.id, mergeIds: others.map((p) => p.id) },
                  {
                    onSuccess: (result) =>
                      onMerged(
                        t('people.merge.done', {
                          name: result.person.fullName,
                          moved: formatCount(result.movedEnrolments + result.combinedEnrolments),
                        }),
                      ),
                  },
                )
              }
            >
              {t('people.merge.confirm')}
            </button>
            <button type="button" className="button" disabled={merge.isPending} onClick={() => setConfirming(false)}>
              {t('people.merge.cancel')}
            </button>
          </div>
          <ErrorAlert error={merge.error} />
        </div>
      ) : (
        <button type="button" className="button" onClick={() => setConfirming(true)}>
          {t('people.merge.button', { name: keep.fullName })}
        </button>
      )}
    </fieldset>
  );
}
