import { useEffect, useRef, useState } from 'react';

const TICK_MS = 500;

/** Milliseconds left until `deadlineAt` on the server's clock (this phone's clock plus the measured offset). */
const remainingMs = (deadlineMs: number, clockOffsetMs: number) => Math.max(0, deadlineMs - (Date.now() + clockOffsetMs));

/**
 * Counts down to a server deadline and calls `onExpire` once when it is reached. A phone whose clock is wrong
 * still ends on time, since only the offset to the server's clock is trusted, not the clock itself.
 */
export function useCountdown(deadlineAt: string | null, clockOffsetMs: number, onExpire: () => void): number | null {
  const deadlineMs = deadlineAt ? Date.parse(deadlineAt) : null;
  const [left, setLeft] = useState(() => (deadlineMs === null ? null : remainingMs(deadlineMs, clockOffsetMs)));
  const onExpireRef = useRef(onExpire);
  useEffect(() => {
    onExpireRef.current = onExpire;
  }, [onExpire]);

  useEffect(() => {
    if (deadlineMs === null) return;
    let expired = false;
    const tick = () => {
      const next = remainingMs(deadlineMs, clockOffsetMs);
      setLeft(next);
      if (next === 0 && !expired) {
        expired = true;
        window.clearInterval(timer);
        onExpireRef.current();
      }
    };
    const timer = window.setInterval(tick, TICK_MS);
    tick();
    return () => window.clearInterval(timer);
  }, [deadlineMs, clockOffsetMs]);

  return left;
}

/** e.g. 754 000 ms → "12:34", 3 723 000 ms → "1:02:03"; rounds up so "0:00" shows only at the end. */
export function formatClock(ms: number): string {
  const total = Math.ceil(ms / 1000);
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const mm = hours > 0 ? String(minutes).padStart(2, '0') : String(minutes);
  return `${hours > 0 ? `${hours}:` : ''}${mm}:${String(seconds).padStart(2, '0')}`;
}
