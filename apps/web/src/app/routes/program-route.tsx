import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { useProgram } from '../../features/programs/api/get-program';
import { ProgramDetailsCard } from '../../features/programs/components/ProgramDetailsCard';
import { ProgramHeader } from '../../features/programs/components/ProgramHeader';
import { ProgramYearSettingsCard } from '../../features/programs/components/ProgramYearSettingsCard';
import { CreateSessionForm } from '../../features/sessions/components/CreateSessionForm';
import { ProgramSessions } from '../../features/sessions/components/ProgramSessions';
import { useFiscalYearParam } from '../../lib/fiscal-year';

/** A program's page joins two features: the program's header, details and year settings, and its sessions. */
export function ProgramRoute() {
  const { t } = useTranslation();
  const { programId = '' } = useParams();
  const [fiscalYear] = useFiscalYearParam();
  const program = useProgram(programId);
  // An archived program takes no new sessions until it is restored.
  const schedulable = program.data !== undefined && program.data.archivedAt === null;
  return (
    <main className="page stack">
      <p>
        <Link to={`/programs?fiscalYear=${fiscalYear}`}>← {t('programs.backToList')}</Link>
      </p>
      <ProgramHeader programId={programId} fiscalYear={fiscalYear} />
      <ProgramDetailsCard programId={programId} />
      <p>
        <Link to={`/programs/${encodeURIComponent(programId)}/questions`}>{t('questionBank.link')}</Link>
      </p>
      <ProgramSessions programId={programId} fiscalYear={fiscalYear} />
      {schedulable && <CreateSessionForm programId={programId} />}
      <ProgramYearSettingsCard programId={programId} fiscalYear={fiscalYear} />
    </main>
  );
}
