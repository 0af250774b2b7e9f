import type { IndicatorTrend, ProgramYearResults } from '@sujarit/contracts';
import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Bar,
  BarChart,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ReferenceLine,
  ResponsiveContainer,
  Scatter,
  ScatterChart,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { formatCount, formatPercent, formatPoints } from '../../../lib/numbers';

const PRE_COLOUR = '#8a94a6';
const POST_COLOUR = '#1f5fa8';
const GAIN_COLOUR = '#b35c00';
const TARGET_COLOUR = '#b3261e';

/** Score bands of ten points: 0–9, 10–19, …, 90–100 (100 falls in the last). */
const BANDS = Array.from({ length: 10 }, (_, i) => i * 10);
const bandOf = (percent: number) => Math.min(9, Math.floor(percent / 10));

/** A chart with its Thai title, a sentence of what it shows, and a table of the same numbers for those who cannot see it. */
function ChartFigure({ title, summary, table, children }: { title: string; summary: string; table: ReactNode; children: ReactNode }) {
  const { t } = useTranslation();
  const titleId = useId();
  return (
    <figure className="card stack program-year__chart" aria-labelledby={titleId}>
      <figcaption>
        <h2 id={titleId}>{title}</h2>
        <p className="note">{summary}</p>
      </figcaption>
      <div className="program-year__plot" aria-hidden="true">
        {children}
      </div>
      <details>
        <summary>{t('programYear.charts.asTable')}</summary>
        <div className="table-scroll">{table}</div>
      </details>
    </figure>
  );
}

/** Pre versus post per person, the score distributions and the program's years: the charts of the program-year page. */
export default function ProgramYearCharts({
  results,
  trend,
}: {
  results: ProgramYearResults;
  trend: IndicatorTrend['programs'][number] | null;
}) {
  return (
    <>
      <PrePostChart results={results} />
      <DistributionChart results={results} />
      {trend && <TrendChart trend={trend} />}
    </>
  );
}

function PrePostChart({ results }: { results: ProgramYearResults }) {
  const { t } = useTranslation();
  const paired = results.people.flatMap((p) =>
    p.prePercent === null || p.postPercent === null ? [] : [{ name: p.fullName, pre: p.prePercent, post: p.postPercent }],
  );
  const above = paired.filter((p) => p.post > p.pre).length;
  return (
    <ChartFigure
      title={t('programYear.charts.prePost.title')}
      summary={t('programYear.charts.prePost.summary', {
        n: formatCount(paired.length),
        above: formatCount(above),
        passMark: formatPercent(results.indicator.passMarkPercent),
      })}
      table={
        <table className="table program-year__table">
          <thead>
            <tr>
              <th scope="col">{t('programYear.people.name')}</th>
              <th scope="col" className="numeric">{t('programYear.people.pre')}</th>
              <th scope="col" className="numeric">{t('programYear.people.post')}</th>
            </tr>
          </thead>
          <tbody>
            {paired.map((p, i) => (
              <tr key={i}>
                <th scope="row">{p.name}</th>
                <td className="numeric">{formatPercent(p.pre)}</td>
                <td className="numeric">{formatPercent(p.post)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    >
      <ResponsiveContainer width="100%" height={280}>
        <ScatterChart margin={{ top: 8, right: 12, bottom: 16, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis type="number" dataKey="pre" name={t('programYear.people.pre')} domain={[0, 100]} unit="%" tickCount={6} />
          <YAxis type="number" dataKey="post" name={t('programYear.people.post')} domain={[0, 100]} unit="%" tickCount={6} width={56} />
          <ReferenceLine
            segment={[
              { x: 0, y: 0 },
              { x: 100, y: 100 },
            ]}
            stroke={PRE_COLOUR}
            strokeDasharray="4 4"
          />
          <ReferenceLine y={results.indicator.passMarkPercent} stroke={TARGET_COLOUR} strokeDasharray="2 2" />
          <Tooltip cursor={{ strokeDasharray: '3 3' }} />
          <Scatter data={paired} fill={POST_COLOUR} isAnimationActive={false} />
        </ScatterChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
}

function DistributionChart({ results }: { results: ProgramYearResults }) {
  const { t } = useTranslation();
  const rows = BANDS.map((low) => ({ band: low === 90 ? '90–100' : `${low}–${low + 9}`, pre: 0, post: 0 }));
  for (const p of results.people) {
    if (p.prePercent !== null) rows[bandOf(p.prePercent)].pre += 1;
    if (p.postPercent !== null) rows[bandOf(p.postPercent)].post += 1;
  }
  const preLabel = t('programYear.people.pre');
  const postLabel = t('programYear.people.post');
  return (
    <ChartFigure
      title={t('programYear.charts.distribution.title')}
      summary={t('programYear.charts.distribution.summary', {
        pre: formatCount(results.indicator.preTestTaken),
        post: formatCount(results.indicator.postTestTaken),
      })}
      table={
        <table className="table program-year__table">
          <thead>
            <tr>
              <th scope="col">{t('programYear.charts.distribution.band')}</th>
              <th scope="col" className="numeric">{preLabel}</th>
              <th scope="col" className="numeric">{postLabel}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.band}>
                <th scope="row">{row.band}%</th>
                <td className="numeric">{formatCount(row.pre)}</td>
                <td className="numeric">{formatCount(row.post)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    >
      <ResponsiveContainer width="100%" height={260}>
        <BarChart data={rows} margin={{ top: 8, right: 8, bottom: 8, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="band" interval={1} fontSize={11} />
          <YAxis allowDecimals={false} width={32} />
          <Tooltip />
          <Legend />
          <Bar dataKey="pre" name={preLabel} fill={PRE_COLOUR} isAnimationActive={false} />
          <Bar dataKey="post" name={postLabel} fill={POST_COLOUR} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
}

function TrendChart({ trend }: { trend: IndicatorTrend['programs'][number] }) {
  const { t } = useTranslation();
  const target = trend.years.find((y) => y.targetPassRatePercent !== null)?.targetPassRatePercent ?? 80;
  const rows = trend.years.map((y) => ({ year: String(y.fiscalYear), passRate: y.passRatePercent, gain: y.meanGainPoints }));
  const passLabel = t('programYear.charts.trend.passRate');
  const gainLabel = t('programYear.charts.trend.meanGain');
  return (
    <ChartFigure
      title={t('programYear.charts.trend.title', { from: trend.years[0]?.fiscalYear, to: trend.years[trend.years.length - 1]?.fiscalYear })}
      summary={t('programYear.charts.trend.summary', { target: formatPercent(target) })}
      table={
        <table className="table program-year__table">
          <thead>
            <tr>
              <th scope="col">{t('common.fiscalYear')}</th>
              <th scope="col" className="numeric">{passLabel}</th>
              <th scope="col">{t('programYear.charts.trend.status')}</th>
              <th scope="col" className="numeric">{gainLabel}</th>
            </tr>
          </thead>
          <tbody>
            {trend.years.map((y) => (
              <tr key={y.fiscalYear}>
                <th scope="row">{y.fiscalYear}</th>
                <td className="numeric">{formatPercent(y.passRatePercent)}</td>
                <td>
                  {y.indicatorStatus === 'met'
                    ? t('indicators.met')
                    : y.indicatorStatus === 'not_met'
                      ? t('indicators.notMet')
                      : y.planned
                        ? t('indicators.noData')
                        : t('programYear.charts.trend.notPlanned')}
                </td>
                <td className="numeric">{formatPoints(y.meanGainPoints)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    >
      <ResponsiveContainer width="100%" height={280}>
        <ComposedChart data={rows} margin={{ top: 8, right: 8, bottom: 8, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="year" />
          <YAxis domain={[0, 100]} unit="%" width={56} />
          <Tooltip />
          <Legend />
          <ReferenceLine y={target} stroke={TARGET_COLOUR} strokeDasharray="6 3" label={{ value: `${formatPercent(target)}`, position: 'insideTopRight', fontSize: 12 }} />
          <Bar dataKey="passRate" name={passLabel} fill={POST_COLOUR} isAnimationActive={false} />
          <Line dataKey="gain" name={gainLabel} stroke={GAIN_COLOUR} strokeWidth={2} connectNulls isAnimationActive={false} />
        </ComposedChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
}
