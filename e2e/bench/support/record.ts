import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * One figure of the benchmark: what was measured, its value, and the goal it is held to. Every bench file records
 * its figures here; `npm run bench` ends by printing them as one table and writing them as JSON
 * (see e2e/bench/support/report.ts).
 */
export interface BenchRow {
  /** The scenario, e.g. `room`, `ceiling`, `province`, `scale`, `processes`. */
  scenario: string;
  /** What was measured, e.g. `join p95`, `app saves/s ÷ bare statement`. */
  measure: string;
  value: number;
  /** `ms`, `/s`, `ratio`, `MB`, `count`. */
  unit: string;
  /** The goal in words, e.g. `< 1000` or `≥ 0.6`; absent for figures shown for context only. */
  goal?: string;
  /** Whether the value meets the goal. */
  met?: boolean;
  /** What limits the figure, in a few words (shown beside it). */
  limitedBy?: string;
}

/** Where the rows of this run are collected, one JSON object per line. */
export const BENCH_ROWS_FILE = process.env.SUJARIT_BENCH_ROWS ?? join(__dirname, '../../../dist/bench/rows.jsonl');

export function recordBench(rows: BenchRow[]): void {
  mkdirSync(dirname(BENCH_ROWS_FILE), { recursive: true });
  appendFileSync(BENCH_ROWS_FILE, rows.map((row) => JSON.stringify(row)).join('\n') + '\n');
}

/** The p-th percentile (nearest rank) of some samples. */
export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}
