interface ProgressBarProps {
  /** 0–100 */
  value: number;
  label: string;
}

/** A bar for the eye; the numbers beside it are what screen readers and tests read. */
export function ProgressBar({ value, label }: ProgressBarProps) {
  const clamped = Math.max(0, Math.min(100, value));
  return (
    <div
      className="progress"
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={Math.round(clamped)}
    >
      <div className="progress__fill" style={{ width: `${clamped}%` }} />
    </div>
  );
}
