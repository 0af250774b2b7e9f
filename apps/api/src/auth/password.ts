import * as argon2 from 'argon2';

/** argon2id at OWASP's minimum for it: 19 MiB of memory, 2 passes, 1 lane. */
const ARGON2_OPTIONS = { type: argon2.argon2id, memoryCost: 19 * 1024, timeCost: 2, parallelism: 1 } as const;

/**
 * For test runs only: the suites make hundreds of accounts, and each OWASP hash costs tens of milliseconds of CPU.
 * Argon2 writes its parameters into the hash, so a hash made either way verifies the same.
 */
const TEST_ONLY_FAST_OPTIONS = { type: argon2.argon2id, memoryCost: 1024, timeCost: 1, parallelism: 1 } as const;

/** The weak settings need NODE_ENV=test as well as the flag: a production start can never hash with them. */
export function argon2Options(env: NodeJS.ProcessEnv = process.env) {
  return env.NODE_ENV === 'test' && env.SUJARIT_TEST_FAST_HASH === '1' ? TEST_ONLY_FAST_OPTIONS : ARGON2_OPTIONS;
}

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, argon2Options());
}

export function verifyPassword(hash: string, password: string): Promise<boolean> {
  return argon2.verify(hash, password);
}
