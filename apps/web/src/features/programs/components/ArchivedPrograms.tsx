import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Loading } from '../../../components/Loading';
import { formatDate } from '../../../lib/dates';
import { useProgramList } from '../api/get-programs';
import { useUnarchiveProgram } from '../api/unarchive-program';

interface ArchivedProgramsProps {
  fiscalYear: number;
  count: number;
}

/** Archived programs stay out of the way until asked for; each opens or comes back with one click. */
export function ArchivedPrograms({ fiscalYear, count }: ArchivedProgramsProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <section className="stack archived-programs" aria-label={t('programs.manage.archivedHeading')}>
      <button type="button" className="button" aria-expanded={open} onClick={() => setOpen(!open)}>
        {open ? t('programs.manage.hideArchived') : t('programs.manage.showArchived', { n: count })}
      </button>
      {open && <ArchivedList fiscalYear={fiscalYear} />}
    </section>
  );
}

function ArchivedList({ fiscalYear }: { fiscalYear: number }) {
  const { t } = useTranslation();
  const programs = useProgramList(fiscalYear, { includeArchived: true });
  const unarchiveMutation = useUnarchiveProgram();
  if (programs.isPending) return <Loading />;
  if (programs.isError) return <ErrorAlert error={programs.error} onRetry={() => void programs.refetch()} />;
  const archived = programs.data.programs.filter((p) => p.archivedAt !== null);
  return (
    <>
      <ul className="card stack archived-programs__list" aria-label={t('programs.manage.archivedHeading')}>
        {archived.map((program) => (
          <li key={program.id} className="stack">
            <p>
              <Link to={`/programs/${program.id}?fiscalYear=${fiscalYear}`}>
                <span className="code">{program.code}</span> {program.name}
              </Link>{' '}
              <span className="badge badge--archived">{t('programs.manage.archivedBadge')}</span>
            </p>
            {program.archivedAt && <p className="muted">{t('programs.manage.archivedOn', { date: formatDate(program.archivedAt) })}</p>}
            <div>
              <button
                type="button"
                className="button button--small"
                aria-label={`${t('programs.manage.restore')} ${program.code}`}
                disabled={unarchiveMutation.isPending}
                onClick={() => unarchiveMutation.mutate(program.id)}
              >
                {t('programs.manage.restore')}
              </button>
            </div>
          </li>
        ))}
      </ul>
      <ErrorAlert error={unarchiveMutation.error} />
    </>
  );
}
