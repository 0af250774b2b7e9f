import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Loading } from '../../../components/Loading';
import { useProgramList } from '../api/get-programs';
import { ProgramProgress } from './ProgramProgress';

interface ProgramHeaderProps {
  programId: string;
  fiscalYear: number;
}

/** The program's heading and its progress for the year, archived or not (its page still opens). */
export function ProgramHeader({ programId, fiscalYear }: ProgramHeaderProps) {
  const { t } = useTranslation();
  const programs = useProgramList(fiscalYear, { includeArchived: true });
  if (programs.isPending) return <Loading />;
  if (programs.isError) return <ErrorAlert error={programs.error} onRetry={() => void programs.refetch()} />;
  const program = programs.data.programs.find((p) => p.id === programId);
  if (!program) {
    return (
      <div className="alert alert--error" role="alert">
        {t('programs.notFound')}
      </div>
    );
  }
  return (
    <header className="card card--header">
      <p className="eyebrow">
        {t('programs.codeLabel', { code: program.code })} · {t('common.fiscalYearOption', { year: fiscalYear })}
        {program.archivedAt && (
          <>
            {' '}
            <span className="badge badge--archived">{t('programs.manage.archivedBadge')}</span>
          </>
        )}
      </p>
      <h1>{program.name}</h1>
      <dl className="facts">
        <div className="facts__wide">
          <dt>{t('programs.audience')}</dt>
          <dd>{program.audience}</dd>
        </div>
        <div className="facts__wide">
          <dt>{t('programs.ownerUnit')}</dt>
          <dd>{program.ownerUnit}</dd>
        </div>
      </dl>
      <ProgramProgress program={program} />
    </header>
  );
}
