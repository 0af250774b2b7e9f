import { join } from 'node:path';

/** `migrations/` at the top of the repository, from the sources or from their build in dist/api. */
export const MIGRATIONS_GLOB = join(__dirname, '../../../../migrations/[0-9]*-*.{ts,js}');
