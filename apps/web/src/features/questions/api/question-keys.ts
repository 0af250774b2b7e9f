/** Query keys of this feature; every one starts with 'questions' so one invalidation reaches all. */
export const questionKeys = {
  all: ['questions'] as const,
  /** Without the archived flag, the key covers both lists of the program (for invalidation). */
  ofProgram: (programId: string, includeArchived?: boolean) =>
    includeArchived === undefined
      ? (['questions', 'program', programId] as const)
      : (['questions', 'program', programId, includeArchived ? 'with-archived' : 'active'] as const),
};
