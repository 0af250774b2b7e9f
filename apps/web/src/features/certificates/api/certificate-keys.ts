export const certificateKeys = {
  session: (sessionId: string) => ['certificates', 'session', sessionId] as const,
  verify: (code: string) => ['certificates', 'verify', code] as const,
};
