/** Query keys of this feature; every one starts with 'programs', so one invalidation reaches all. */
export const programKeys = {
  all: ['programs'] as const,
  list: (fiscalYear: number, includeArchived: boolean) => ['programs', 'list', { fiscalYear, includeArchived }] as const,
  detail: (programId: string) => ['programs', 'detail', programId] as const,
  templates: ['programs', 'templates'] as const,
};

/**
 * Other features' keys, kept as literals: a program's details, year and archiving move the plan, the
 * indicators and the session list's program filter too.
 */
export const AFFECTED_BY_PROGRAMS = [['programs'], ['plan'], ['indicators'], ['sessions']] as const;
