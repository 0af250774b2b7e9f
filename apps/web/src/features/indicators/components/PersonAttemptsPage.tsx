import type { PersonAttempt } from '@sujarit/contracts';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Loading } from '../../../components/Loading';
import { formatDateTime } from '../../../lib/dates';
import { formatCount, formatGain, formatPercent, formatPoints } from '../../../lib/numbers';
import { usePersonAttempts } from '../api/get-program-year';
import './program-year.css';

/** One person's pre- and post-tests in a program-year with every answer, read-only; reached from the people table. */
export function PersonAttemptsPage() {
  const { t } = useTranslation();
  const { programId = '', fiscalYear: yearParam = '', personId = '' } = useParams();
  const fiscalYear = Number(yearParam);
  const person = usePersonAttempts(programId, fiscalYear, personId);
  return (
    <main className="page stack program-year">
      <p>
        <Link to={`/indicators/${encodeURIComponent(programId)}/${fiscalYear}`}>
          ← {person.data ? `${person.data.programCode} · ${t('common.fiscalYearOption', { year: fiscalYear })}` : t('programYear.back')}
        </Link>
      </p>
      {person.isPending && <Loading />}
      <ErrorAlert error={person.error} onRetry={() => void person.refetch()} />
      {person.data && (
        <>
          <header className="card card--header">
            <p className="eyebrow">
              {person.data.programCode} {person.data.programName} · {t('common.fiscalYearOption', { year: fiscalYear })}
            </p>
            <h1>{person.data.fullName}</h1>
            {person.data.result && (
              <p>
                {t('programYear.person.summary', {
                  pre: formatPercent(person.data.result.prePercent),
                  post: formatPercent(person.data.result.postPercent),
                  gain: formatPoints(person.data.result.gainPoints),
                  g: formatGain(person.data.result.normalizedGain),
                })}{' '}
                <strong>
                  {person.data.result.passed
                    ? t('programYear.people.passed')
                    : person.data.result.missingPostTest
                      ? t('programYear.people.missingPost')
                      : t('programYear.people.notPassed')}
                </strong>
              </p>
            )}
            <p className="note">{t('programYear.person.counting', { passMark: formatPercent(person.data.passMarkPercent) })}</p>
          </header>
          {person.data.attempts.length === 0 && <p className="muted">{t('programYear.person.none')}</p>}
          {person.data.attempts.map((attempt) => (
            <AttemptCard key={attempt.attemptId} attempt={attempt} />
          ))}
        </>
      )}
    </main>
  );
}

function AttemptCard({ attempt }: { attempt: PersonAttempt }) {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <section className="card stack" aria-labelledby={headingId}>
      <h2 id={headingId}>
        {t(`programYear.person.kind.${attempt.kind}`)} · {t('programYear.person.attemptNumber', { n: formatCount(attempt.attemptNumber) })}
        {attempt.counts && <span className="badge badge--met program-year__counts">{t('programYear.person.counts')}</span>}
      </h2>
      <p className="muted">
        {attempt.sessionTitle} · {attempt.assessmentTitle}
      </p>
      <p>
        {attempt.state === 'ended'
          ? t('programYear.person.ended', {
              percent: formatPercent(attempt.percent),
              score: attempt.score === null ? '–' : formatPoints(attempt.score).replace('+', ''),
              max: attempt.maxScore === null ? '–' : formatCount(attempt.maxScore),
              at: attempt.submittedAt ? formatDateTime(attempt.submittedAt) : '–',
            })
          : t('programYear.person.inProgress', { at: formatDateTime(attempt.startedAt) })}
        {attempt.finishReason && attempt.finishReason !== 'submitted' && ` (${t(`programYear.person.finish.${attempt.finishReason}`)})`}
      </p>
      <ol className="program-year__answers">
        {attempt.answers.map((answer) => (
          <li key={answer.questionId} className={answer.correct ? 'program-year__answer--right' : 'program-year__answer--wrong'}>
            <p className="program-year__stem">
              {answer.stem}{' '}
              <span className="program-year__sub">
                {answer.topic} ·{' '}
                {answer.correct
                  ? t('programYear.person.right')
                  : answer.answered
                    ? t('programYear.person.wrong')
                    : t('programYear.person.unanswered')}{' '}
                · {t('programYear.person.points', { earned: formatCount(answer.earnedPoints), points: formatCount(answer.points) })}
              </span>
            </p>
            <ul className="program-year__options">
              {answer.options.map((option) => (
                <li key={option.id}>
                  {option.chosen ? '● ' : '○ '}
                  {option.text}
                  {option.chosen && <strong> {t('programYear.person.chosen')}</strong>}
                  {option.right && <span className="program-year__key"> ✓ {t('programYear.person.key')}</span>}
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ol>
    </section>
  );
}
