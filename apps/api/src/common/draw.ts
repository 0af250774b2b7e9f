import { randomInt } from 'node:crypto';

/** `count` distinct items drawn uniformly (a partial Fisher–Yates with a CSPRNG). */
export function draw<T>(items: readonly T[], count: number): T[] {
  const pool = [...items];
  for (let i = 0; i < count; i++) {
    const j = i + randomInt(pool.length - i);
    [pool[i], pool[j]] = [pool[j], pool[i]];
  }
  return pool.slice(0, count);
}

export const shuffle = <T>(items: readonly T[]): T[] => draw(items, items.length);

