/**
 * A CHECK that a text column holds one value of a fixed list: the contracts' own list, so the database and the
 * API refuse the same values. A null passes (nullable columns say so themselves).
 */
export const oneOf = (column: string, values: readonly string[]): string => `"${column}" IN (${values.map((v) => `'${v}'`).join(', ')})`;
