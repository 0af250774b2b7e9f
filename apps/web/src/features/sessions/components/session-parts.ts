/** The parts of an organizer's session page, each a tab with its name in the address (?part=). */
export const SESSION_PARTS = ['overview', 'people', 'tests', 'money'] as const;
export type SessionPart = (typeof SESSION_PARTS)[number];

const isSessionPart = (value: string | null): value is SessionPart => SESSION_PARTS.includes(value as SessionPart);

/** The part an address asks for; the overview when it asks for none or for one there is not. */
export const sessionPartOf = (value: string | null): SessionPart => (isSessionPart(value) ? value : 'overview');

/** The address of a session's page opened at one part (the overview needs no parameter). */
export const sessionPartPath = (sessionId: string, part: SessionPart) =>
  `/sessions/${encodeURIComponent(sessionId)}${part === 'overview' ? '' : `?part=${part}`}`;
