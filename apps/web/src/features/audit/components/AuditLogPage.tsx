import { AUDIT_SUBJECTS, type AuditEvent, type AuditSubject } from '@sujarit/contracts';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Loading } from '../../../components/Loading';
import { DateFormatHint, DateInput } from '../../../components/DatePicker';
import { bangkokWallTimeToIso, formatDateTime } from '../../../lib/dates';
import { useAuditEvents, type AuditFilters } from '../api/get-audit-events';

const ONE_DAY_MS = 24 * 60 * 60 * 1000;

/** The admin's view of who changed what and when, newest first, filtered by kind, person and dates. */
export function AuditLogPage() {
  const { t } = useTranslation();
  const [subject, setSubject] = useState<AuditSubject | ''>('');
  const [actorId, setActorId] = useState('');
  const [fromDate, setFromDate] = useState('');
  const [toDate, setToDate] = useState('');
  const filters: AuditFilters = {
    subject: subject || undefined,
    actorId: actorId || undefined,
    from: (fromDate && bangkokWallTimeToIso(fromDate, '00:00')) || undefined,
    // The whole of the last day chosen: up to the start of the next one.
    to: toDate ? nextDay(toDate) : undefined,
  };
  const log = useAuditEvents(filters);
  const ids = { subject: useId(), actor: useId(), from: useId(), to: useId() };
  const actors = log.data?.pages[0]?.actors ?? [];
  const events = log.data?.pages.flatMap((page) => page.events) ?? [];

  return (
    <main className="page stack">
      <h1>{t('audit.title')}</h1>
      <p className="note">{t('audit.intro')}</p>
      <form className="audit-filters" role="search" aria-label={t('audit.filters')} onSubmit={(e) => e.preventDefault()}>
        <div className="field field--inline">
          <label className="field__label" htmlFor={ids.subject}>
            {t('audit.subject')}
          </label>
          <select id={ids.subject} className="input" value={subject} onChange={(e) => setSubject(e.target.value as AuditSubject | '')}>
            <option value="">{t('audit.all')}</option>
            {AUDIT_SUBJECTS.map((s) => (
              <option key={s} value={s}>
                {t(`audit.subjects.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field field--inline">
          <label className="field__label" htmlFor={ids.actor}>
            {t('audit.actor')}
          </label>
          <select id={ids.actor} className="input" value={actorId} onChange={(e) => setActorId(e.target.value)}>
            <option value="">{t('audit.everyone')}</option>
            {actors.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </div>
        <DateFilter id={ids.from} label={t('audit.from')} value={fromDate} onChange={setFromDate} />
        <DateFilter id={ids.to} label={t('audit.to')} value={toDate} onChange={setToDate} />
      </form>
      {log.isPending ? (
        <Loading />
      ) : log.isError ? (
        <ErrorAlert error={log.error} onRetry={() => void log.refetch()} />
      ) : events.length === 0 ? (
        <p className="muted">{t('audit.empty')}</p>
      ) : (
        <>
          <ol className="audit-list" aria-label={t('audit.title')}>
            {events.map((event) => (
              <AuditEventItem key={event.id} event={event} />
            ))}
          </ol>
          {log.hasNextPage && (
            <button type="button" className="button" disabled={log.isFetchingNextPage} onClick={() => void log.fetchNextPage()}>
              {log.isFetchingNextPage ? t('common.loading') : t('audit.more')}
            </button>
          )}
        </>
      )}
    </main>
  );
}

/** A day typed or picked on the Buddhist calendar; the filter applies once it reads as a date. */
function DateFilter({ id, label, value, onChange }: { id: string; label: string; value: string; onChange: (value: string) => void }) {
  return (
    <div className="field field--inline">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <DateInput id={id} value={value} onChange={onChange} describedBy={`${id}-format`} />
      <DateFormatHint id={`${id}-format`} />
    </div>
  );
}

function AuditEventItem({ event }: { event: AuditEvent }) {
  const { t } = useTranslation();
  const changes = Object.entries(event.changes);
  // A fact that did not happen (false) is not worth a word; one that did is named by its label alone.
  const details = Object.entries(event.details).filter(([, value]) => !isEmpty(value) && value !== false);
  return (
    <li className="audit-list__item">
      <p className="audit-list__head">
        <time dateTime={event.occurredAt}>{formatDateTime(event.occurredAt)}</time> · <strong>{event.actor.name}</strong>
      </p>
      <p>
        {t(`audit.actions.${event.action}`)}
        {event.subject.label && <>: <span className="audit-list__subject">{event.subject.label}</span></>}
      </p>
      {changes.length > 0 && (
        <ul className="audit-list__changes">
          {changes.map(([field, change]) => (
            <li key={field}>
              {fieldName(t, field)}: {isEmpty(change.from) ? '—' : <del>{describe(t, change.from, field)}</del>} → {describe(t, change.to, field)}
            </li>
          ))}
        </ul>
      )}
      {details.length > 0 && (
        <p className="muted">{details.map(([key, value]) => (value === true ? fieldName(t, key) : `${fieldName(t, key)} ${describe(t, value, key)}`)).join(' · ')}</p>
      )}
    </li>
  );
}

type Translate = ReturnType<typeof useTranslation>['t'];

/** A translation of a key made from recorded data, or null when the app has none (a code from a later version). */
function known(t: Translate, key: string): string | null {
  const loose = t as unknown as (key: string, options: { defaultValue: string }) => string;
  const missing = '\u0000';
  const text = loose(key, { defaultValue: missing });
  return text === missing ? null : text;
}

/** The field's name in the reader's language where the app knows it; its code otherwise. */
const fieldName = (t: Translate, field: string) => (/^[a-zA-Z]+$/.test(field) && known(t, `audit.fields.${field}`)) || field;

/** Numbers that are names rather than amounts: a year reads 2570, not 2,570. */
const PLAIN_NUMBERS = new Set(['fiscalYear', 'copiedFrom', 'version']);

/** A recorded value as a person reads it: dates in the Buddhist Era, known codes in words, free text as it is. */
function describe(t: Translate, value: unknown, field = ''): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return known(t, value ? 'audit.yes' : 'audit.no') ?? String(value);
  if (typeof value === 'number') return PLAIN_NUMBERS.has(field) ? String(value) : value.toLocaleString('th-TH');
  if (typeof value === 'string') {
    if (/^\d{4}-\d{2}-\d{2}T/.test(value)) return formatDateTime(value);
    return (/^[a-z_]+$/.test(value) && known(t, `audit.values.${value}`)) || value;
  }
  if (Array.isArray(value)) return value.map((v) => describe(t, v, field)).join(', ');
  if (typeof value === 'object' && 'text' in value) return String((value as { text: unknown }).text);
  return JSON.stringify(value);
}

const isEmpty = (value: unknown) => value === null || value === undefined || value === '';

function nextDay(date: string): string | undefined {
  const start = bangkokWallTimeToIso(date, '00:00');
  return start ? new Date(new Date(start).getTime() + ONE_DAY_MS).toISOString() : undefined;
}
