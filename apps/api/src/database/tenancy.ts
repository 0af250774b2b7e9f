import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { PoolClient } from 'pg';
import type { DataSource, EntityManager } from 'typeorm';
import { keepConnectionLossFromCrashing } from '../common/database-unavailable';

/** The role the app works as (migrations/1764250000000-row-level-security.ts): row-level security holds it. */
export const APP_ROLE = 'sujarit_app';

/** Which organization the work under way belongs to; null until it is known (then the database shows no tenant rows). */
interface TenantScope {
  organizationId: string | null;
}

const scopes = new AsyncLocalStorage<TenantScope>();

/**
 * Runs `work` in a scope of its own whose organization is not known yet: each request starts in one, and the step
 * that learns the organization (the auth guard, a join code, a password link) names it with `enterOrganization`.
 */
export function inTenantScope<T>(work: () => T): T {
  return scopes.run({ organizationId: null }, work);
}

/** Runs `work` for one organization (the sweeper, a phone's request once its join code is resolved). */
export function inOrganization<T>(organizationId: string | null, work: () => Promise<T>): Promise<T> {
  return scopes.run({ organizationId }, work);
}

/** Names the organization of the scope under way; every query after this one reads that organization's rows only. */
export function enterOrganization(organizationId: string): void {
  const scope = scopes.getStore();
  if (!scope) throw new Error('enterOrganization outside a tenant scope');
  scope.organizationId = organizationId;
}

export function currentOrganizationId(): string | null {
  return scopes.getStore()?.organizationId ?? null;
}

/**
 * Inside a transaction whose organization is decided only there (an organization being created): that
 * transaction works as it, and the connection goes back to its own setting when the transaction ends.
 */
export async function useOrganizationIn(manager: EntityManager, organizationId: string): Promise<void> {
  if (!manager.queryRunner?.isTransactionActive) throw new Error('useOrganizationIn needs a transaction');
  await manager.query(`SELECT set_config('app.organization_id', $1, true)`, [organizationId]);
}

/** The id of an organization about to be created in this transaction, which from now on works as it. */
export async function newOrganizationIn(manager: EntityManager): Promise<string> {
  const id = randomUUID();
  await useOrganizationIn(manager, id);
  return id;
}

type Release = (error?: unknown) => void;
interface PoolingDriver {
  obtainMasterConnection(): Promise<[PoolClient, Release]>;
}

/**
 * Makes every connection the data source hands out work as the app's role, for the organization of the scope that
 * asked (none outside one). A connection keeps both as session settings, so one already set for that organization
 * costs nothing more; another organization costs one statement before the work. TypeORM takes a connection for each
 * transaction and each query outside one, and always through the driver's master connection.
 */
export function workAsAppRole(dataSource: DataSource): void {
  const driver = dataSource.driver as unknown as PoolingDriver;
  const obtain = driver.obtainMasterConnection.bind(driver);
  const settings = new WeakMap<PoolClient, string>();
  driver.obtainMasterConnection = async () => {
    const [client, release] = await obtain();
    keepConnectionLossFromCrashing(client);
    const organizationId = currentOrganizationId() ?? '';
    const current = settings.get(client);
    if (current === organizationId) return [client, release];
    try {
      if (current === undefined) {
        await client.query(`SELECT set_config('role', $1, false), set_config('app.organization_id', $2, false)`, [APP_ROLE, organizationId]);
      } else {
        await client.query(`SELECT set_config('app.organization_id', $1, false)`, [organizationId]);
      }
    } catch (error) {
      // A connection in an unknown state is not given back to the pool.
      settings.delete(client);
      release(error);
      throw error;
    }
    settings.set(client, organizationId);
    return [client, release];
  };
}

/** The keys an organization is found by before it is known, each by its own SECURITY DEFINER function. */
const ORGANIZATION_LOOKUPS = {
  userEmail: 'sujarit_organization_of_user_email',
  authSessionTokenHash: 'sujarit_organization_of_auth_session',
  accountTokenHash: 'sujarit_organization_of_account_token',
  joinCode: 'sujarit_organization_of_join_code',
  certificateCode: 'sujarit_organization_of_certificate_code',
} as const;

/** The one organization the key belongs to, or null; the database tells the app nothing else by it. */
export async function findOrganization(
  db: Pick<EntityManager, 'query'>,
  key: keyof typeof ORGANIZATION_LOOKUPS,
  value: string,
): Promise<string | null> {
  const rows: { id: string | null }[] = await db.query(`SELECT ${ORGANIZATION_LOOKUPS[key]}($1) AS id`, [value]);
  return rows[0]?.id ?? null;
}

/** Finds the key's organization and names it for the scope under way; false when the key belongs to none. */
export async function enterOrganizationOf(
  db: Pick<EntityManager, 'query'>,
  key: keyof typeof ORGANIZATION_LOOKUPS,
  value: string,
): Promise<boolean> {
  const organizationId = await findOrganization(db, key, value);
  if (organizationId) enterOrganization(organizationId);
  return organizationId !== null;
}

/** Whether any organization exists at all (the first-run set-up, the demo seed), which the app's role cannot count. */
export async function anyOrganizationExists(db: Pick<EntityManager, 'query'>): Promise<boolean> {
  const rows: { exists: boolean }[] = await db.query(`SELECT sujarit_any_organization() AS exists`);
  return rows[0]?.exists === true;
}
