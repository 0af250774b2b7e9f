import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Tenancy in the database: the app works as the role `sujarit_app` (neither owner nor superuser nor BYPASSRLS), and
 * every tenant table lets it see and write only the rows of the organization named by the setting
 * `app.organization_id`; with none set it sees nothing. FORCE puts the owner under the policies too, so the owner
 * (who runs the migrations) gets a policy of its own that lets it at every row.
 *
 * Tenant tables are found, not listed: every table with an `organization_id` column, whenever this runs (so tables a
 * migration before this one added are covered), the global lookups of docs/MULTITENANCY.md included (`join_codes`,
 * `users`, `account_tokens`): a query must not list every organization's join codes or users either, so those keys are
 * read through the functions below. `organizations` is keyed by its own id. `auth_sessions` has no
 * organization column: a session is the app's as far as its user is. The platform tables hold no organization's
 * data and stay open to the app: `migrations` (closed to it), `throttle_buckets` (counters by email or address).
 *
 * Before the organization is known (a sign-in by email, a session cookie, a password link, a join code, the sweeper),
 * the app asks a SECURITY DEFINER function for the one organization id that key belongs to, and nothing else.
 *
 * Roles belong to the whole server and several databases may migrate at once: `sujarit_app` is created when
 * missing, and a parallel creation is not an error.
 */
export const APP_ROLE = 'sujarit_app';

/** The expression the app's policies compare with: no setting, or an empty one, is no organization. */
const CURRENT_ORGANIZATION = `nullif(current_setting('app.organization_id', true), '')::uuid`;

export class RowLevelSecurity1764250000000 implements MigrationInterface {
  name = 'RowLevelSecurity1764250000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DO $$
      BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${APP_ROLE}') THEN
          CREATE ROLE ${APP_ROLE} NOLOGIN NOSUPERUSER NOBYPASSRLS;
        END IF;
      EXCEPTION WHEN duplicate_object OR unique_violation THEN
        NULL; -- another database on this server created it meanwhile
      END $$`);
    // The owner's connections switch to the app's role (SET ROLE), which needs the owner to be a member.
    await queryRunner.query(`DO $$
      BEGIN
        IF NOT pg_has_role(current_user, '${APP_ROLE}', 'MEMBER') THEN
          EXECUTE format('GRANT ${APP_ROLE} TO %I', current_user);
        END IF;
      END $$`);

    await queryRunner.query(`DO $$
      DECLARE
        schema_name text := current_schema();
      BEGIN
        EXECUTE format('GRANT USAGE ON SCHEMA %I TO ${APP_ROLE}', schema_name);
        EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA %I TO ${APP_ROLE}', schema_name);
        EXECUTE format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA %I TO ${APP_ROLE}', schema_name);
        EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${APP_ROLE}', schema_name);
        EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I GRANT USAGE, SELECT ON SEQUENCES TO ${APP_ROLE}', schema_name);
      END $$`);
    // The app never migrates, and the audit log is written once (its trigger refuses changes even to the owner).
    await queryRunner.query(`REVOKE ALL ON "migrations" FROM ${APP_ROLE}`);
    await queryRunner.query(`REVOKE UPDATE, DELETE ON "audit_events" FROM ${APP_ROLE}`);

    await queryRunner.query(`DO $$
      DECLARE
        tenant_table regclass;
      BEGIN
        FOR tenant_table IN
          SELECT c.oid::regclass FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid
           WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'p')
             AND a.attname = 'organization_id' AND NOT a.attisdropped
        LOOP
          EXECUTE format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY', tenant_table);
          EXECUTE format('ALTER TABLE %s FORCE ROW LEVEL SECURITY', tenant_table);
          EXECUTE format($policy$CREATE POLICY tenant_isolation ON %s TO ${APP_ROLE}
            USING (organization_id = ${CURRENT_ORGANIZATION}) WITH CHECK (organization_id = ${CURRENT_ORGANIZATION})$policy$, tenant_table);
          EXECUTE format('CREATE POLICY owner_all_rows ON %s TO %I USING (true) WITH CHECK (true)', tenant_table, current_user);
        END LOOP;
      END $$`);
    for (const [table, isolation] of [
      ['organizations', `id = ${CURRENT_ORGANIZATION}`],
      // Its user decides: the users the app may see are its organization's.
      ['auth_sessions', `EXISTS (SELECT 1 FROM "users" u WHERE u."id" = "auth_sessions"."user_id")`],
    ]) {
      await queryRunner.query(`ALTER TABLE "${table}" ENABLE ROW LEVEL SECURITY`);
      await queryRunner.query(`ALTER TABLE "${table}" FORCE ROW LEVEL SECURITY`);
      await queryRunner.query(`CREATE POLICY tenant_isolation ON "${table}" TO ${APP_ROLE} USING (${isolation}) WITH CHECK (${isolation})`);
      await queryRunner.query(`DO $$ BEGIN
          EXECUTE format('CREATE POLICY owner_all_rows ON "${table}" TO %I USING (true) WITH CHECK (true)', current_user);
        END $$`);
    }

    // The keys by which an organization is found before it is known. Each answers one organization id or none.
    const lookups: [name: string, argument: string, body: string][] = [
      ['sujarit_organization_of_user_email', 'email text', `SELECT organization_id FROM "users" WHERE "email" = $1`],
      [
        'sujarit_organization_of_auth_session',
        'token_hash text',
        `SELECT u.organization_id FROM "auth_sessions" s JOIN "users" u ON u."id" = s."user_id" WHERE s."token_hash" = $1`,
      ],
      ['sujarit_organization_of_account_token', 'token_hash text', `SELECT organization_id FROM "account_tokens" WHERE "token_hash" = $1`],
      ['sujarit_organization_of_join_code', 'join_code text', `SELECT organization_id FROM "join_codes" WHERE "code" = $1`],
    ];
    for (const [name, argument, body] of lookups) {
      await this.createDefinerFunction(queryRunner, `${name}(${argument})`, 'uuid', body);
    }
    // The first-run set-up and the demo seed ask whether there is any organization at all.
    await this.createDefinerFunction(queryRunner, 'sujarit_any_organization()', 'boolean', `SELECT EXISTS (SELECT 1 FROM "organizations")`);
    // The sweeper finishes overdue attempts one organization at a time: those with attempts still open.
    await this.createDefinerFunction(
      queryRunner,
      'sujarit_organizations_with_open_attempts()',
      'SETOF uuid',
      `SELECT DISTINCT organization_id FROM "attempts" WHERE "submitted_at" IS NULL`,
    );
  }

  private async createDefinerFunction(queryRunner: QueryRunner, signature: string, returns: string, body: string): Promise<void> {
    // search_path fixed to this schema: a definer function must not resolve names in a schema the caller chose.
    await queryRunner.query(
      `CREATE FUNCTION ${signature} RETURNS ${returns} LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT AS $body$ ${body} $body$`,
    );
    await queryRunner.query(`REVOKE ALL ON FUNCTION ${signature} FROM PUBLIC`);
    await queryRunner.query(`GRANT EXECUTE ON FUNCTION ${signature} TO ${APP_ROLE}`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const signature of [
      'sujarit_organizations_with_open_attempts()',
      'sujarit_any_organization()',
      'sujarit_organization_of_join_code(text)',
      'sujarit_organization_of_account_token(text)',
      'sujarit_organization_of_auth_session(text)',
      'sujarit_organization_of_user_email(text)',
    ]) {
      await queryRunner.query(`DROP FUNCTION ${signature}`);
    }
    await queryRunner.query(`DO $$
      DECLARE
        protected_table regclass;
        schema_name text := current_schema();
      BEGIN
        FOR protected_table IN
          SELECT DISTINCT c.oid::regclass FROM pg_class c JOIN pg_policy p ON p.polrelid = c.oid
           WHERE c.relnamespace = current_schema()::regnamespace AND p.polname IN ('tenant_isolation', 'owner_all_rows')
        LOOP
          EXECUTE format('DROP POLICY IF EXISTS tenant_isolation ON %s', protected_table);
          EXECUTE format('DROP POLICY IF EXISTS owner_all_rows ON %s', protected_table);
          EXECUTE format('ALTER TABLE %s NO FORCE ROW LEVEL SECURITY', protected_table);
          EXECUTE format('ALTER TABLE %s DISABLE ROW LEVEL SECURITY', protected_table);
        END LOOP;
        EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I REVOKE ALL ON TABLES FROM ${APP_ROLE}', schema_name);
        EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I REVOKE ALL ON SEQUENCES FROM ${APP_ROLE}', schema_name);
        EXECUTE format('REVOKE ALL ON ALL TABLES IN SCHEMA %I FROM ${APP_ROLE}', schema_name);
        EXECUTE format('REVOKE ALL ON ALL SEQUENCES IN SCHEMA %I FROM ${APP_ROLE}', schema_name);
        EXECUTE format('REVOKE USAGE ON SCHEMA %I FROM ${APP_ROLE}', schema_name);
      END $$`);
    // The role stays: it belongs to the whole server, and other databases on it may use it.
  }
}
