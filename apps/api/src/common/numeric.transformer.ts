import type { ValueTransformer } from 'typeorm';

/** pg returns numeric columns as strings to keep their precision; these columns fit a JS number. */
export const numericTransformer: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};
