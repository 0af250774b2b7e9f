/** Query keys of this feature; every one starts with 'questions' so one invalidation reaches all. */
export const questionKeys = {
  all: ['questions'] as const,
  ofProgram: (programId: string) => ['questions', 'program', programId] as const,
};
