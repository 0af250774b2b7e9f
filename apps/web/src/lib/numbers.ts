/** Numbers are written the Thai way (th-TH), in Arabic digits as Thai offices use them on screen. */
const integer = new Intl.NumberFormat('th-TH', { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat('th-TH', { maximumFractionDigits: 1 });
const satang = new Intl.NumberFormat('th-TH', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

export const formatCount = (value: number) => integer.format(value);

/** An amount in baht, satang shown only when there are any, e.g. 100000 → "100,000", 2500.5 → "2,500.50". */
export const formatBaht = (value: number) => (Number.isInteger(value) ? integer : satang).format(value);

/** A percent already on the 0–100 scale, e.g. 83.33 → "83.3%"; null (nothing to measure) → "–". */
export const formatPercent = (value: number | null | undefined) =>
  value === null || value === undefined ? '–' : `${decimal.format(value)}%`;

/** Share of a whole on the 0–100 scale, capped for progress bars; 0 when there is no whole. */
export const percentOf = (part: number, whole: number) => (whole > 0 ? Math.min(100, (part / whole) * 100) : 0);

const points = new Intl.NumberFormat('th-TH', { maximumFractionDigits: 1, signDisplay: 'exceptZero' });
const gain = new Intl.NumberFormat('th-TH', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** A change in percentage points with its sign, e.g. 25 → "+25", -12.5 → "-12.5"; null → "–". */
export const formatPoints = (value: number | null | undefined) =>
  value === null || value === undefined ? '–' : points.format(value);

/** A normalized gain g (a share, usually 0–1, negative when scores fell) to two decimals, e.g. 0.8333 → "0.83"; null → "–". */
export const formatGain = (value: number | null | undefined) => (value === null || value === undefined ? '–' : gain.format(value));

/** A mean on the 1–5 Likert scale to two decimals, e.g. 4.333 → "4.33". */
export const formatMean = (value: number) => gain.format(value);
