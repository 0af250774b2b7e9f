import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Loading } from '../../../components/Loading';
import { useEnrolments } from '../api/get-enrolments';
import { AttendanceSheetLinks } from './AttendanceSheetLinks';
import { CheckInList } from './CheckInList';
import { EnrolmentCounts } from './EnrolmentCounts';
import { ImportPanel } from './ImportPanel';

interface EnrolmentPanelProps {
  sessionId: string;
  /** The registry search with an enrol button per person, composed in src/app from the people feature. */
  addPeople?: ReactNode;
}

/** Who is in the session and who has arrived: the organizer's check-in desk, on a tablet or a laptop. */
export function EnrolmentPanel({ sessionId, addPeople }: EnrolmentPanelProps) {
  const { t } = useTranslation();
  const enrolments = useEnrolments(sessionId);
  return (
    <section className="stack enrolment-panel" aria-labelledby="enrolment-heading">
      <div className="page__head">
        <h2 id="enrolment-heading">{t('enrolment.heading')}</h2>
        <AttendanceSheetLinks sessionId={sessionId} />
      </div>
      {enrolments.isPending && <Loading />}
      <ErrorAlert error={enrolments.error} onRetry={enrolments.data ? undefined : () => void enrolments.refetch()} />
      {enrolments.data && (
        <>
          <EnrolmentCounts list={enrolments.data} />
          <CheckInList
            sessionId={sessionId}
            enrolments={enrolments.data.enrolments}
            showCheckInCodes={enrolments.data.checkInCodeRequired}
          />
        </>
      )}
      {addPeople && (
        <section className="card stack" aria-labelledby="enrolment-add-heading">
          <h3 id="enrolment-add-heading">{t('enrolment.add.heading')}</h3>
          {addPeople}
        </section>
      )}
      <section className="card stack" aria-labelledby="enrolment-import-heading">
        <h3 id="enrolment-import-heading">{t('enrolment.import.heading')}</h3>
        <ImportPanel sessionId={sessionId} />
      </section>
    </section>
  );
}
