/** Points as Thai offices write them; partial credit can leave a fraction (1.5 of 2), so up to two decimals. */
const points = new Intl.NumberFormat('th-TH', { maximumFractionDigits: 2 });

export const formatPoints = (value: number) => points.format(value);
