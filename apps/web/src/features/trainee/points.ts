/** Points as Thai offices write them; partial credit can leave a fraction (1.5 of 2), so up to two decimals. */
const points = new Intl.NumberFormat('th-TH', { maximumFractionDigits: 2 });

export const formatPoints = (value: number) => points.format(value);

/** A total score as a person reads it at a glance: a fraction of partial credit to one decimal (4.67 → 4.7). */
const total = new Intl.NumberFormat('th-TH', { maximumFractionDigits: 1 });

export const formatScore = (value: number) => total.format(value);
