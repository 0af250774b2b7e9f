import type { AttendeeResult, ProgramYearResults } from '@sujarit/contracts';
import { lazy, Suspense, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Loading } from '../../../components/Loading';
import { formatDate } from '../../../lib/dates';
import { fiscalYearOptions } from '../../../lib/fiscal-year';
import { formatCount, formatGain, formatMean, formatPercent, formatPoints } from '../../../lib/numbers';
import { useIndicatorTrend, useProgramYearResults } from '../api/get-program-year';
import { useProgramYearSurvey } from '../api/get-program-year-survey';
import { IndicatorCard } from './IndicatorCard';
import './program-year.css';

/* The charts and their library load only here, after the figures and tables: never on a trainee's phone. */
const ProgramYearCharts = lazy(() => import('./ProgramYearCharts'));

type Filter = 'all' | 'notPassed' | 'missingPost';
const FILTERS: readonly Filter[] = ['all', 'notPassed', 'missingPost'];

const matches = (filter: Filter, person: AttendeeResult) =>
  filter === 'all' || (filter === 'notPassed' ? !person.passed : person.missingPostTest);

/** One program in one fiscal year, opened from its indicator card: figures, topics, sessions, people and charts. */
export function ProgramYearPage() {
  const { t } = useTranslation();
  const { programId = '', fiscalYear: yearParam = '' } = useParams();
  const fiscalYear = Number(yearParam);
  const results = useProgramYearResults(programId, fiscalYear);
  const years = fiscalYearOptions();
  const trend = useIndicatorTrend(years[0], years[years.length - 1]);

  return (
    <main className="page stack program-year">
      <p>
        <Link to={`/indicators?fiscalYear=${fiscalYear}`}>← {t('programYear.back')}</Link>
      </p>
      {results.isPending && <Loading />}
      <ErrorAlert error={results.error} onRetry={() => void results.refetch()} />
      {results.data && (
        <>
          <header className="page__head">
            <h1>
              <span className="code">{results.data.programCode}</span> {results.data.programName}
              <span className="program-year__year"> · {t('common.fiscalYearOption', { year: fiscalYear })}</span>
            </h1>
          </header>
          <IndicatorCard indicator={results.data.indicator} details={false} />
          <TopicsTable results={results.data} />
          <SessionsTable results={results.data} />
          <PeopleTable results={results.data} />
          <SurveyTable programId={programId} fiscalYear={fiscalYear} />
          <Suspense fallback={<Loading />}>
            <ProgramYearCharts
              results={results.data}
              trend={trend.data?.programs.find((p) => p.programId === programId) ?? null}
            />
          </Suspense>
        </>
      )}
    </main>
  );
}

function TopicsTable({ results }: { results: ProgramYearResults }) {
  const { t } = useTranslation();
  const captionId = useId();
  return (
    <section className="card stack" aria-labelledby={captionId}>
      <h2 id={captionId}>{t('programYear.topics.title')}</h2>
      <p className="note">{t('programYear.topics.definition')}</p>
      {results.topics.length === 0 ? (
        <p className="muted">{t('programYear.topics.empty')}</p>
      ) : (
        <div className="table-scroll">
          <table className="table program-year__table program-year__table--stack">
            <thead>
              <tr>
                <th scope="col">{t('programYear.topics.topic')}</th>
                <th scope="col" className="numeric">{t('programYear.topics.paired')}</th>
                <th scope="col" className="numeric">{t('programYear.topics.preToPost')}</th>
                <th scope="col" className="numeric">{t('programYear.topics.gain')}</th>
                <th scope="col" className="numeric">{t('programYear.topics.g')}</th>
              </tr>
            </thead>
            <tbody>
              {results.topics.map((topic) => (
                <tr key={topic.topic}>
                  <th scope="row">{topic.topic}</th>
                  <td className="numeric" data-label={t('programYear.topics.paired')}>
                    {formatCount(topic.pairedCount)}
                  </td>
                  <td className="numeric" data-label={t('programYear.topics.preToPost')}>
                    {formatPercent(topic.pairedMeanPrePercent)} → {formatPercent(topic.pairedMeanPostPercent)}
                  </td>
                  <td className="numeric" data-label={t('programYear.topics.gain')}>
                    {formatPoints(topic.meanGainPoints)}
                  </td>
                  <td className="numeric" data-label={t('programYear.topics.g')}>
                    {formatGain(topic.hakeGain)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** The year's surveys pooled, item by item: the mean and the share answering 4–5, and each session's survey to open. */
function SurveyTable({ programId, fiscalYear }: { programId: string; fiscalYear: number }) {
  const { t } = useTranslation();
  const headingId = useId();
  const survey = useProgramYearSurvey(programId, fiscalYear);
  return (
    <section className="card stack" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('programYear.survey.title')}</h2>
      <p className="note">{t('programYear.survey.definition')}</p>
      {survey.isPending && <Loading />}
      <ErrorAlert error={survey.error} onRetry={() => void survey.refetch()} />
      {survey.data &&
        (survey.data.respondents === 0 ? (
          <p className="muted">{t('programYear.survey.empty')}</p>
        ) : (
          <>
            <p>{t('programYear.survey.respondents', { n: formatCount(survey.data.respondents), surveys: formatCount(survey.data.surveys.length) })}</p>
            <ul className="program-year__surveys">
              {survey.data.surveys.map((s) => (
                <li key={s.assessmentId}>
                  <Link to={`/sessions/${encodeURIComponent(s.sessionId)}/surveys/${encodeURIComponent(s.assessmentId)}/results`}>
                    {s.sessionTitle} · {s.title}
                  </Link>{' '}
                  <span className="muted">{t('programYear.survey.surveyRespondents', { n: formatCount(s.respondents) })}</span>
                </li>
              ))}
            </ul>
            <div className="table-scroll">
              <table className="table program-year__table program-year__table--stack">
                <thead>
                  <tr>
                    <th scope="col">{t('programYear.survey.item')}</th>
                    <th scope="col" className="numeric">{t('programYear.survey.answered')}</th>
                    <th scope="col" className="numeric">{t('programYear.survey.mean')}</th>
                    <th scope="col" className="numeric">{t('programYear.survey.agree')}</th>
                  </tr>
                </thead>
                <tbody>
                  {survey.data.items.map((item) => (
                    <tr key={item.questionId}>
                      <th scope="row">{item.stem}</th>
                      <td className="numeric" data-label={t('programYear.survey.answered')}>
                        {formatCount(item.answered)}
                      </td>
                      <td className="numeric" data-label={t('programYear.survey.mean')}>
                        {item.mean === null ? '–' : formatMean(item.mean)}
                      </td>
                      <td className="numeric" data-label={t('programYear.survey.agree')}>
                        {formatPercent(item.agreePercent)}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        ))}
    </section>
  );
}

function SessionsTable({ results }: { results: ProgramYearResults }) {
  const { t } = useTranslation();
  const captionId = useId();
  return (
    <section className="card stack" aria-labelledby={captionId}>
      <h2 id={captionId}>{t('programYear.sessions.title')}</h2>
      <p className="note">{t('programYear.sessions.definition')}</p>
      {results.sessions.length === 0 ? (
        <p className="muted">{t('programYear.sessions.empty')}</p>
      ) : (
        <ul className="program-year__sessions">
          {results.sessions.map((s) => (
            <li key={s.sessionId} className="program-year__session">
              <h3>
                <Link to={`/sessions/${encodeURIComponent(s.sessionId)}`}>{s.title}</Link>
              </h3>
              <p className="muted">
                {formatDate(s.startsAt)} · {t(`sessionAdmin.status.${s.status}`)}
              </p>
              <dl className="program-year__figures">
                <div>
                  <dt>{t('programYear.sessions.attended')}</dt>
                  <dd>{formatCount(s.attended)}</dd>
                </div>
                <div>
                  <dt>{t('programYear.sessions.preTaken')}</dt>
                  <dd>{formatCount(s.preTestTaken)}</dd>
                </div>
                <div>
                  <dt>{t('programYear.sessions.postTaken')}</dt>
                  <dd>{formatCount(s.postTestTaken)}</dd>
                </div>
                <div>
                  <dt>{t('programYear.sessions.passed')}</dt>
                  <dd>
                    {formatCount(s.passed)} ({formatPercent(s.passRatePercent)})
                  </dd>
                </div>
                <div>
                  <dt>{t('programYear.sessions.paired', { n: formatCount(s.pairedCount) })}</dt>
                  <dd>
                    {formatPercent(s.pairedMeanPrePercent)} → {formatPercent(s.pairedMeanPostPercent)}
                  </dd>
                </div>
              </dl>
              <p className="program-year__links">
                {s.preTestId && (
                  <Link to={`/sessions/${encodeURIComponent(s.sessionId)}/tests/${encodeURIComponent(s.preTestId)}/items`}>
                    {t('programYear.sessions.preItems')}
                  </Link>
                )}
                {s.postTestId && (
                  <Link to={`/sessions/${encodeURIComponent(s.sessionId)}/tests/${encodeURIComponent(s.postTestId)}/items`}>
                    {t('programYear.sessions.postItems')}
                  </Link>
                )}
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function PeopleTable({ results }: { results: ProgramYearResults }) {
  const { t } = useTranslation();
  const headingId = useId();
  const filterName = useId();
  const [filter, setFilter] = useState<Filter>('all');
  const shown = results.people.filter((person) => matches(filter, person));
  const personPath = (personId: string) =>
    `/indicators/${encodeURIComponent(results.programId)}/${results.fiscalYear}/people/${encodeURIComponent(personId)}`;
  return (
    <section className="card stack" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('programYear.people.title')}</h2>
      <p className="note">{t('programYear.people.definition', { passMark: formatPercent(results.indicator.passMarkPercent) })}</p>
      <fieldset className="program-year__filter">
        <legend>{t('programYear.people.filter')}</legend>
        {FILTERS.map((value) => (
          <label key={value} className="checkbox">
            <input type="radio" name={filterName} value={value} checked={filter === value} onChange={() => setFilter(value)} />
            <span>
              {t(`programYear.people.filters.${value}`, {
                n: formatCount(results.people.filter((person) => matches(value, person)).length),
              })}
            </span>
          </label>
        ))}
      </fieldset>
      <div className="table-scroll">
        <table className="table program-year__table program-year__table--stack">
          <caption>{t('programYear.people.caption', { n: formatCount(shown.length) })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('programYear.people.name')}</th>
              <th scope="col" className="numeric">{t('programYear.people.pre')}</th>
              <th scope="col" className="numeric">{t('programYear.people.post')}</th>
              <th scope="col" className="numeric">{t('programYear.people.gain')}</th>
              <th scope="col" className="numeric">g</th>
              <th scope="col">{t('programYear.people.result')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.length === 0 && (
              <tr>
                <td colSpan={6} className="muted program-year__none">
                  {t('programYear.people.none')}
                </td>
              </tr>
            )}
            {shown.map((person) => (
              <tr key={person.personId}>
                <th scope="row">
                  <Link to={personPath(person.personId)}>{person.fullName}</Link>
                  <span className="program-year__sub">{person.sessions.map((s) => s.title).join(', ')}</span>
                </th>
                <td className="numeric" data-label={t('programYear.people.pre')}>
                  {formatPercent(person.prePercent)}
                </td>
                <td className="numeric" data-label={t('programYear.people.post')}>
                  {formatPercent(person.postPercent)}
                </td>
                <td className="numeric" data-label={t('programYear.people.gain')}>
                  {formatPoints(person.gainPoints)}
                </td>
                <td className="numeric" data-label="g">
                  {formatGain(person.normalizedGain)}
                </td>
                <td data-label={t('programYear.people.result')}>
                  {person.passed
                    ? t('programYear.people.passed')
                    : person.missingPostTest
                      ? t('programYear.people.missingPost')
                      : t('programYear.people.notPassed')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="note">{t('programYear.people.gDefinition')}</p>
    </section>
  );
}
