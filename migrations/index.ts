import { Initial1764120000000 } from './1764120000000-initial';

/** Every migration, in order. The schema changes only through these. */
export const ALL_MIGRATIONS = [Initial1764120000000];
