import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { ProgramHeader } from '../../features/programs/components/ProgramHeader';
import { ProgramYearSettingsCard } from '../../features/programs/components/ProgramYearSettingsCard';
import { CreateSessionForm } from '../../features/sessions/components/CreateSessionForm';
import { ProgramSessions } from '../../features/sessions/components/ProgramSessions';
import { useFiscalYearParam } from '../../lib/fiscal-year';

/** A program's page joins two features: the program's header and year settings, and its sessions. */
export function ProgramRoute() {
  const { t } = useTranslation();
  const { programId = '' } = useParams();
  const [fiscalYear] = useFiscalYearParam();
  return (
    <main className="page stack">
      <p>
        <Link to={`/programs?fiscalYear=${fiscalYear}`}>← {t('programs.backToList')}</Link>
      </p>
      <ProgramHeader programId={programId} fiscalYear={fiscalYear} />
      <p>
        <Link to={`/programs/${encodeURIComponent(programId)}/questions`}>{t('questionBank.link')}</Link>
      </p>
      <ProgramSessions programId={programId} fiscalYear={fiscalYear} />
      <CreateSessionForm programId={programId} />
      <ProgramYearSettingsCard programId={programId} fiscalYear={fiscalYear} />
    </main>
  );
}
