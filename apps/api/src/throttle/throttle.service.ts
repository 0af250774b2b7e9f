import { Injectable, OnApplicationShutdown, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { Clock } from '../common/clock';

/** One limit: at most `limit` tries of `key` per window of `windowMs`, the window starting at the first try. */
export interface ThrottleLimit {
  /** Any text naming what is counted, e.g. `login\nemail\naddress`; only its hash is stored. */
  key: string;
  limit: number;
  windowMs: number;
}

export type ThrottleDecision = { allowed: true } | { allowed: false; retryAt: Date };

const SWEEP_INTERVAL_MS = 10 * 60 * 1000;

export const throttleKey = (...parts: string[]) => createHash('sha256').update(parts.join('\n')).digest('hex');

/**
 * Counts tries in PostgreSQL, so every API process behind a load balancer shares one count, and counts them
 * atomically: an `INSERT … ON CONFLICT DO UPDATE` takes the row's lock, so however many requests arrive at once,
 * no more than the limit are let through.
 */
@Injectable()
export class ThrottleService implements OnApplicationBootstrap, OnApplicationShutdown {
  private sweeper?: NodeJS.Timeout;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: Clock,
  ) {}

  /**
   * Takes one try from every limit, or from none: when any of them is used up the try is refused and
   * nothing is counted, so a refused request never lengthens the wait.
   */
  async take(limits: ThrottleLimit[]): Promise<ThrottleDecision> {
    const now = this.clock.now();
    // Locks are taken in one order (by key) so two requests over the same keys cannot deadlock.
    const ordered = limits.map((l) => ({ ...l, hash: throttleKey(l.key) })).sort((a, b) => a.hash.localeCompare(b.hash));
    return this.db.transaction(async (manager) => {
      let retryAt: Date | null = null;
      for (const limit of ordered) {
        const bucket = await this.hit(manager, limit.hash, limit.windowMs, now);
        if (bucket.hits > limit.limit && (!retryAt || bucket.expiresAt > retryAt)) retryAt = bucket.expiresAt;
      }
      if (!retryAt) return { allowed: true } as const;
      // Undo this request's counts; the rows stay locked until the rollback, so the count never over-shoots.
      throw new RefusedTry(retryAt);
    }).catch((error: unknown) => {
      if (error instanceof RefusedTry) return { allowed: false, retryAt: error.retryAt } as const;
      throw error;
    });
  }

  /**
   * Whether a key's limit is used up now, without counting a try. With `manager`, on the caller's own connection
   * (inside its transaction), so a request holding one connection never waits for a second.
   */
  async isLimited(limit: ThrottleLimit, manager: EntityManager = this.db.manager): Promise<ThrottleDecision> {
    const rows: { hits: number; expires_at: Date }[] = await manager.query(
      `SELECT hits, expires_at FROM throttle_buckets WHERE key = $1 AND expires_at > $2`,
      [throttleKey(limit.key), this.clock.now()],
    );
    const bucket = rows[0];
    return bucket && bucket.hits >= limit.limit ? { allowed: false, retryAt: bucket.expires_at } : { allowed: true };
  }

  /** Forgets the tries of these keys (after a successful sign-in, or when an admin resets a password). */
  async reset(keys: string[]): Promise<void> {
    if (keys.length === 0) return;
    await this.db.query(`DELETE FROM throttle_buckets WHERE key = ANY($1)`, [keys.map((k) => throttleKey(k))]);
  }

  /** Windows that have ended are forgotten by one job, not on the request path. */
  async sweep(): Promise<number> {
    const result: [unknown[], number] = await this.db.query(`DELETE FROM throttle_buckets WHERE expires_at <= $1`, [this.clock.now()]);
    return result[1];
  }

  onApplicationBootstrap(): void {
    this.sweeper = setInterval(() => void this.sweep().catch(() => undefined), SWEEP_INTERVAL_MS);
    this.sweeper.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.sweeper);
  }

  private async hit(manager: EntityManager, hash: string, windowMs: number, now: Date): Promise<{ hits: number; expiresAt: Date }> {
    const expiresAt = new Date(now.getTime() + windowMs);
    // A window that has ended starts again at this try.
    const rows: { hits: number; expires_at: Date }[] = await manager.query(
      `INSERT INTO throttle_buckets AS b (key, window_started_at, expires_at, hits) VALUES ($1, $2, $3, 1)
       ON CONFLICT (key) DO UPDATE SET
         hits = CASE WHEN b.expires_at <= $2 THEN 1 ELSE b.hits + 1 END,
         window_started_at = CASE WHEN b.expires_at <= $2 THEN $2 ELSE b.window_started_at END,
         expires_at = CASE WHEN b.expires_at <= $2 THEN $3 ELSE b.expires_at END
       RETURNING hits, expires_at`,
      [hash, now, expiresAt],
    );
    return { hits: rows[0].hits, expiresAt: rows[0].expires_at };
  }
}

class RefusedTry extends Error {
  constructor(readonly retryAt: Date) {
    super('refused');
  }
}
