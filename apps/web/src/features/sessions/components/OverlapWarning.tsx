import type { Session } from '@sujarit/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatTimeRange } from '../../../lib/dates';
import { formatCount } from '../../../lib/numbers';

/** A warning triangle drawn inline: an emoji or a symbol font may be missing on an office PC. */
export function WarningIcon() {
  return (
    <svg className="warning-icon" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
      <path d="M12 2 1 21h22L12 2z" fill="currentColor" />
      <path d="M11 9h2v6h-2zM11 17h2v2h-2z" fill="#fff" />
    </svg>
  );
}

/** Two sessions booked into one room at once: a warning, since a big hall may hold both. */
export function OverlapWarning({ overlaps }: { overlaps: Session['overlaps'] }) {
  const { t } = useTranslation();
  if (overlaps.length === 0) return null;
  const heading = t('sessionAdmin.overlap.heading');
  return (
    <section className="alert alert--warning overlap-warning" aria-label={heading}>
      <p className="overlap-warning__heading">
        <WarningIcon />
        <strong>{heading}</strong>
      </p>
      <ul className="overlap-warning__list">
        {overlaps.map((other) => (
          <li key={other.id}>
            <Link to={`/sessions/${other.id}`}>{other.title}</Link>{' '}
            <span className="overlap-warning__time">{formatTimeRange(other.startsAt, other.endsAt)}</span>
          </li>
        ))}
      </ul>
      <p className="overlap-warning__hint">{t('sessionAdmin.overlap.hint')}</p>
    </section>
  );
}

/** The short form for a list: the icon and how many sessions share the room. */
export function OverlapFlag({ overlaps }: { overlaps: Session['overlaps'] }) {
  const { t } = useTranslation();
  if (overlaps.length === 0) return null;
  return (
    <p className="overlap-flag">
      <WarningIcon />
      <span>{t('sessionAdmin.overlap.flag', { n: formatCount(overlaps.length) })}</span>
    </p>
  );
}
