import { cpus } from 'node:os';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { BENCH_ROWS_FILE, type BenchRow } from './record';

/** Where `npm run bench` writes the run's figures as JSON, beside the rows it collected them from. */
export const BENCH_JSON_FILE = process.env.SUJARIT_BENCH_JSON ?? join(dirname(BENCH_ROWS_FILE), 'bench.json');

/** Starts a run with no figures: rows.jsonl is appended to by every scenario, so the last run's are removed first. */
export function clearBenchRows(): void {
  rmSync(BENCH_ROWS_FILE, { force: true });
}

export function readBenchRows(): BenchRow[] {
  if (!existsSync(BENCH_ROWS_FILE)) return [];
  return readFileSync(BENCH_ROWS_FILE, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as BenchRow);
}

/** A figure as a person reads it: whole numbers when large, two decimals when small (a ratio). */
function formatValue(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (Number.isInteger(value) || Math.abs(value) >= 100) return Math.round(value).toLocaleString('en-US');
  return value.toFixed(Math.abs(value) >= 10 ? 1 : 2);
}

function verdict(row: BenchRow): string {
  if (row.met === undefined) return '';
  return row.met ? 'met' : 'NOT MET';
}

/** The run's figures as one table, grouped by scenario in the order they ran. */
export function benchTable(rows: BenchRow[]): string {
  const header = ['scenario', 'measure', 'value', 'unit', 'goal', 'met', 'limited by'];
  const cells = rows.map((row) => [row.scenario, row.measure, formatValue(row.value), row.unit, row.goal ?? '', verdict(row), row.limitedBy ?? '']);
  const widths = header.map((title, column) => Math.max(title.length, ...cells.map((line) => line[column].length)));
  // Figures right-aligned so their digits line up; words left-aligned.
  const line = (values: string[]) =>
    values
      .map((value, column) => (column === 2 ? value.padStart(widths[column]) : value.padEnd(widths[column])))
      .join('  ')
      .trimEnd();
  const rule = widths.map((width) => '-'.repeat(width)).join('  ');
  return [line(header), rule, ...cells.map(line)].join('\n');
}

export interface BenchReport {
  generatedAt: string;
  machine: { cpus: number; cpuModel: string; node: string; platform: string };
  /** The BENCH_* sizes this run was given instead of the defaults (a smaller run's figures are not the goals' own). */
  settings: Record<string, string>;
  goals: number;
  goalsMissed: number;
  rows: BenchRow[];
}

/**
 * The end of `npm run bench`: prints every figure of the run with its goal and whether it was met, and writes them
 * as JSON (BENCH_JSON_FILE). Returns the report, whose `goalsMissed` decides the run's exit code.
 */
export function reportBench(log: (text: string) => void = (text) => process.stdout.write(`${text}\n`)): BenchReport {
  const rows = readBenchRows();
  const processors = cpus();
  const settings = Object.fromEntries(
    Object.entries(process.env)
      .filter(([name]) => name.startsWith('BENCH_'))
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([name, value]) => [name, value ?? '']),
  );
  const report: BenchReport = {
    // The benchmark is not the app: it may read the machine's clock.
    generatedAt: new Date().toISOString(),
    machine: { cpus: processors.length, cpuModel: processors[0]?.model ?? 'unknown', node: process.version, platform: `${process.platform} ${process.arch}` },
    settings,
    goals: rows.filter((row) => row.met !== undefined).length,
    goalsMissed: rows.filter((row) => row.met === false).length,
    rows,
  };
  mkdirSync(dirname(BENCH_JSON_FILE), { recursive: true });
  writeFileSync(BENCH_JSON_FILE, `${JSON.stringify(report, null, 2)}\n`);
  const summary =
    rows.length === 0
      ? 'No figures were recorded (no scenario ran, or none reached the point of recording).'
      : `${report.goals ? `${report.goals - report.goalsMissed} of ${report.goals} goals met` : 'No goals among these figures'} on ${report.machine.cpus} × ${report.machine.cpuModel}.`;
  const sized = Object.entries(settings).map(([name, value]) => `${name}=${value}`);
  log(
    [
      '',
      'Benchmark figures',
      '',
      ...(rows.length ? [benchTable(rows), ''] : []),
      summary,
      ...(sized.length ? [`Sizes changed from the defaults: ${sized.join(' ')}`] : []),
      `Written to ${BENCH_JSON_FILE}`,
      '',
    ].join('\n'),
  );
  return report;
}
