import type { DataSource } from 'typeorm';

/**
 * Every row of these organizations (or of the whole database, for a database a test has to itself), as one
 * digest per table: any insert, update or delete shows when two are compared. Other test files work in the run's
 * database meanwhile, hence the scope. Throttle buckets (they count refusals, by design) and migrations are left out.
 */
export async function rowsDigest(db: DataSource, organizationIds: string[] | null): Promise<Record<string, string>> {
  const tables: { table_name: string; scope: string | null }[] = await db.query(
    `SELECT c.table_name,
            CASE WHEN bool_or(c.column_name = 'organization_id') THEN 'organization_id'
                 WHEN c.table_name = 'organizations' THEN 'id'
                 WHEN bool_or(c.column_name = 'user_id') THEN 'user_id' END AS scope
       FROM information_schema.columns c
       JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
      WHERE c.table_schema = 'public' AND c.table_name NOT IN ('migrations', 'throttle_buckets')
      GROUP BY c.table_name ORDER BY c.table_name`,
  );
  const digest = (table: string, where: string) =>
    `SELECT '${table}' AS name, count(*)::int || ' ' || md5(coalesce(string_agg(x::text, ',' ORDER BY x::text), '')) AS digest FROM "${table}" x ${where}`;
  const selects = tables.map(({ table_name: table, scope }) => {
    if (!organizationIds) return digest(table, '');
    if (!scope) throw new Error(`table ${table} has no organization_id nor user_id: say in rows-digest.ts how to find its organization`);
    return digest(table, scope === 'user_id' ? `WHERE x.user_id IN (SELECT id FROM users WHERE organization_id = ANY($1))` : `WHERE x.${scope} = ANY($1)`);
  });
  const rows: { name: string; digest: string }[] = await db.query(selects.join(' UNION ALL '), organizationIds ? [organizationIds] : []);
  return Object.fromEntries(rows.map((r) => [r.name, r.digest]));
}
