import type { AssessmentSummary, SessionLive } from '@sujarit/contracts';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Loading } from '../../../components/Loading';
import { formatCount } from '../../../lib/numbers';
import { useCloseAssessment } from '../api/close-assessment';
import { useSessionLive } from '../api/get-session-live';
import { useOpenAssessment } from '../api/open-assessment';
import { CloseConfirm } from './AssessmentPanel';
import { useJoinBase, useQrCode } from './JoinPanel';

/**
 * The session on the projector: the join code and QR code large enough to read from the back of a hall, and how
 * many have checked in, started and handed in each test, asked again every two seconds. Organizers and admins open
 * and close the tests from here; managers watch.
 */
export function LiveSessionPage({ canManage }: { canManage: boolean }) {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const live = useSessionLive(id);

  if (live.isPending) return <Loading />;
  if (live.isError && !live.data) return <ErrorAlert error={live.error} onRetry={() => void live.refetch()} />;
  const s = live.data;
  return (
    <main className="live" aria-labelledby="live-title">
      <div className="live__bar">
        <Link className="live__back" to={`/sessions/${encodeURIComponent(s.id)}`}>
          ← {t('live.back')}
        </Link>
        <h1 id="live-title" className="live__title">
          {s.title}
        </h1>
        <FullScreenButton />
      </div>
      <div className="live__body">
        <JoinBlock live={s} />
        <Counts live={s} canManage={canManage} />
      </div>
      {live.isError && <p className="live__stale" role="status">{t('live.stale')}</p>}
    </main>
  );
}

function FullScreenButton() {
  const { t } = useTranslation();
  if (typeof document === 'undefined' || !document.fullscreenEnabled) return null;
  const toggle = () => {
    if (document.fullscreenElement) void document.exitFullscreen();
    else void document.documentElement.requestFullscreen();
  };
  return (
    <button type="button" className="button button--small" onClick={toggle}>
      {t('live.fullScreen')}
    </button>
  );
}

function JoinBlock({ live }: { live: SessionLive }) {
  const { t } = useTranslation();
  const { base, warning } = useJoinBase();
  const joinUrl = base === null ? null : `${base}${live.joinPath}`;
  const qr = useQrCode(joinUrl, 720);
  return (
    <section className="live__join" aria-label={t('sessions.join.heading')}>
      <div className="live__code-block">
        <p className="live__label">{t('live.codeLabel')}</p>
        <p className="live__code" data-testid="live-join-code">
          {live.joinCode}
        </p>
        <p className="live__label">{t('live.linkLabel')}</p>
        <p className="live__link" data-testid="live-join-link">
          {joinUrl}
        </p>
        {warning && (
          <p className="live__warning" role="alert">
            {t('sessions.join.localhostWarning')}
          </p>
        )}
      </div>
      <div className="live__qr">
        {qr && joinUrl ? (
          <img src={qr} alt={t('sessions.join.qrAlt', { url: joinUrl })} data-testid="live-qr" />
        ) : (
          <div className="qr-placeholder" aria-hidden="true" />
        )}
      </div>
    </section>
  );
}

function Counts({ live, canManage }: { live: SessionLive; canManage: boolean }) {
  const { t } = useTranslation();
  const pre = live.assessments.find((a) => a.kind === 'pre_test');
  const post = live.assessments.find((a) => a.kind === 'post_test');
  return (
    <section className="live__counts" aria-label={t('live.countsHeading')}>
      <div className="live__tile live__tile--checked-in">
        <p className="live__tile-name">{t('live.checkedIn')}</p>
        <p className="live__number" data-testid="live-checked-in">
          {formatCount(live.checkedInCount)}
        </p>
        <p className="live__definition">{t('live.checkedInDefinition')}</p>
      </div>
      {pre && <TestTile sessionId={live.id} test={pre} blocker={null} canManage={canManage} />}
      {post && <TestTile sessionId={live.id} test={post} blocker={pre?.status === 'open' ? pre : null} canManage={canManage} />}
    </section>
  );
}

interface TestTileProps {
  sessionId: string;
  test: AssessmentSummary;
  /** A test still open that should be closed before this one opens (the pre-test, for the post-test): opening asks first. */
  blocker: AssessmentSummary | null;
  canManage: boolean;
}

function TestTile({ sessionId, test, blocker, canManage }: TestTileProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const questionId = useId();
  const openMutation = useOpenAssessment();
  const closeMutation = useCloseAssessment();
  const [confirming, setConfirming] = useState<'close' | 'open' | null>(null);
  const ref = { assessmentId: test.id, sessionId };
  const pending = openMutation.isPending || closeMutation.isPending;
  const open = () => openMutation.mutate(ref, { onSuccess: () => setConfirming(null) });
  const ask = (what: 'close' | 'open') => {
    openMutation.reset();
    closeMutation.reset();
    setConfirming(what);
  };
  const stillAnswering = blocker ? Math.max(0, blocker.startedCount - blocker.submittedCount) : 0;

  return (
    <section className="live__tile" aria-labelledby={headingId} data-testid={`live-${test.kind}`}>
      <h2 id={headingId} className="live__tile-name">
        {t(`assessments.kind.${test.kind}`)} <span className={`live__state live__state--${test.state}`}>{t(`assessments.state.${test.state}`)}</span>
      </h2>
      <dl className="live__pair">
        <div>
          <dt>{t('live.started')}</dt>
          <dd className="live__number live__number--small" data-testid={`live-${test.kind}-started`}>
            {formatCount(test.startedCount)}
          </dd>
        </div>
        <div>
          <dt>{t('live.submitted')}</dt>
          <dd className="live__number live__number--small" data-testid={`live-${test.kind}-submitted`}>
            {formatCount(test.submittedCount)}
          </dd>
        </div>
      </dl>
      {canManage && (
        <div className="live__actions">
          {test.status === 'open' ? (
            <button type="button" className="button button--danger" disabled={pending} aria-expanded={confirming === 'close'} onClick={() => ask('close')}>
              {t('assessments.actions.closeTest')}
            </button>
          ) : (
            <button
              type="button"
              className="button button--primary"
              disabled={pending}
              aria-expanded={blocker ? confirming === 'open' : undefined}
              onClick={() => (blocker ? ask('open') : (setConfirming(null), open()))}
            >
              {t(test.status === 'draft' ? 'assessments.actions.openTest' : 'assessments.actions.reopenTest')}
            </button>
          )}
          {confirming === 'close' && test.status === 'open' && (
            <CloseConfirm
              assessment={test}
              pending={pending}
              onConfirm={() => closeMutation.mutate(ref, { onSuccess: () => setConfirming(null) })}
              onBack={() => setConfirming(null)}
            />
          )}
          {confirming === 'open' && blocker && test.status !== 'open' && (
            <div className="confirm-box" role="alertdialog" aria-labelledby={questionId}>
              <p id={questionId}>{t('live.preStillOpen.question')}</p>
              <p>
                {stillAnswering > 0
                  ? t('live.preStillOpen.answering', { n: formatCount(stillAnswering) })
                  : t('live.preStillOpen.nobodyAnswering')}
              </p>
              <div className="button-row">
                <button type="button" className="button button--primary" disabled={pending} onClick={open}>
                  {t('live.preStillOpen.confirm')}
                </button>
                <button type="button" className="button" disabled={pending} onClick={() => setConfirming(null)}>
                  {t('live.preStillOpen.back')}
                </button>
              </div>
            </div>
          )}
          <ErrorAlert error={openMutation.error ?? closeMutation.error} />
        </div>
      )}
    </section>
  );
}
