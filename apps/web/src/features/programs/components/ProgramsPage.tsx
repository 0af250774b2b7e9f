import type { ApplyProgramTemplateResult } from '@sujarit/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { FiscalYearSelect } from '../../../components/FiscalYearSelect';
import { Loading } from '../../../components/Loading';
import { useFiscalYearParam } from '../../../lib/fiscal-year';
import { useProgramList } from '../api/get-programs';
import { ArchivedPrograms } from './ArchivedPrograms';
import { CreateProgramForm } from './CreateProgramForm';
import { ProgramCard } from './ProgramCard';
import { StartPrograms } from './StartPrograms';

export function ProgramsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [fiscalYear, setFiscalYear] = useFiscalYearParam();
  const programs = useProgramList(fiscalYear);
  const [creating, setCreating] = useState(false);
  const [applied, setApplied] = useState<ApplyProgramTemplateResult | null>(null);
  const list = programs.data;
  return (
    <main className="page stack">
      <div className="page__head">
        <h1>{t('programs.title')}</h1>
        <FiscalYearSelect value={fiscalYear} onChange={setFiscalYear} />
      </div>
      {programs.isPending && <Loading />}
      <ErrorAlert error={programs.error} onRetry={() => void programs.refetch()} />
      {list && !creating && list.programs.length > 0 && (
        <div className="button-row">
          <button type="button" className="button button--primary" onClick={() => setCreating(true)}>
            {t('programs.manage.create')}
          </button>
        </div>
      )}
      {creating && (
        <CreateProgramForm
          fiscalYear={fiscalYear}
          onCreated={(program) => navigate(`/programs/${program.id}?fiscalYear=${fiscalYear}`)}
          onCancel={() => setCreating(false)}
        />
      )}
      <div role="status">
        {applied && (
          <div className="alert alert--ok">
            <p>{t('programs.manage.applied', { n: applied.created.length })}</p>
            {applied.skipped.length > 0 && <p>{t('programs.manage.appliedSkipped', { codes: applied.skipped.join(', ') })}</p>}
          </div>
        )}
      </div>
      {list && list.programs.length === 0 && !creating && (
        <StartPrograms hasArchived={list.archivedCount > 0} onCreateOwn={() => setCreating(true)} onApplied={setApplied} />
      )}
      <div className="card-grid">
        {list?.programs.map((program) => <ProgramCard key={program.id} program={program} fiscalYear={list.fiscalYear} />)}
      </div>
      {list && list.archivedCount > 0 && <ArchivedPrograms fiscalYear={fiscalYear} count={list.archivedCount} />}
    </main>
  );
}
