import { pipeline } from 'node:stream/promises';
import type { Client } from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import { JOIN_CODE_ALPHABET } from '@sujarit/contracts';

/*
 * Many organizations' worth of data, made fast: one organization built through the API is copied N times in
 * SQL. Read from the catalog, so it follows the schema as it grows: every table with an `organization_id`
 * is copied in foreign-key order; every uuid is mapped from md5(uuid:copy), the same way in every column, so
 * the copies' own keys and foreign keys stay consistent; globally unique text (emails, join codes, token
 * hashes) is made unique per copy; serial and identity columns take their defaults.
 *
 * With a second connection (`copyThrough`), the copied rows travel by COPY: the source connection runs
 * `COPY (SELECT …) TO STDOUT` in binary and the second loads the stream with `COPY … FROM STDIN`, which PostgreSQL
 * writes in batches of rows (INSERT … SELECT writes one row at a time). When that connection may (a superuser, as
 * the test server's), it also skips the foreign-key triggers: the copies are a consistent image of rows that passed
 * them once, and 8 M answers each checked against its attempt would cost more than the load itself.
 */

interface Column {
  name: string;
  type: string;
  /** A serial or identity column: the copy takes the next value. */
  generated: boolean;
  /** Unique on its own across the table (so across organizations too). */
  globallyUnique: boolean;
}

interface Table {
  name: string;
  columns: Column[];
  /** Tables this one points at with a foreign key. */
  references: string[];
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

export async function tenantTables(db: Client): Promise<Table[]> {
  const { rows: columns } = await db.query<{ table_name: string; column_name: string; data_type: string; generated: boolean }>(
    `SELECT c.table_name, c.column_name, c.data_type,
            (c.is_identity = 'YES' OR coalesce(c.column_default, '') LIKE 'nextval(%') AS generated
       FROM information_schema.columns c
       JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
      WHERE c.table_schema = current_schema()
        AND c.table_name IN (SELECT table_name FROM information_schema.columns WHERE table_schema = current_schema() AND column_name = 'organization_id')
      ORDER BY c.table_name, c.ordinal_position`,
  );
  const { rows: unique } = await db.query<{ table_name: string; column_name: string }>(
    `SELECT t.relname AS table_name, a.attname AS column_name
       FROM pg_index i
       JOIN pg_class t ON t.oid = i.indrelid
       JOIN pg_namespace ns ON ns.oid = t.relnamespace AND ns.nspname = current_schema()
       JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = i.indkey[0]
      WHERE i.indisunique AND i.indnatts = 1`,
  );
  const { rows: fks } = await db.query<{ table_name: string; referenced: string }>(
    `SELECT DISTINCT conrelid::regclass::text AS table_name, confrelid::regclass::text AS referenced
       FROM pg_constraint WHERE contype = 'f' AND connamespace = current_schema()::regnamespace`,
  );
  const byName = new Map<string, Table>();
  for (const c of columns) {
    const table = byName.get(c.table_name) ?? { name: c.table_name, columns: [], references: [] };
    table.columns.push({
      name: c.column_name,
      type: c.data_type,
      generated: c.generated,
      globallyUnique: unique.some((u) => u.table_name === c.table_name && u.column_name === c.column_name),
    });
    byName.set(c.table_name, table);
  }
  for (const fk of fks) {
    const table = byName.get(fk.table_name.replace(/^"|"$/g, ''));
    const referenced = fk.referenced.replace(/^"|"$/g, '');
    if (table && referenced !== table.name && byName.has(referenced)) table.references.push(referenced);
  }
  return inForeignKeyOrder([...byName.values()]);
}

function inForeignKeyOrder(tables: Table[]): Table[] {
  const ordered: Table[] = [];
  const placed = new Set<string>();
  while (ordered.length < tables.length) {
    const ready = tables.filter((t) => !placed.has(t.name) && t.references.every((r) => placed.has(r)));
    if (ready.length === 0) throw new Error(`foreign keys in a circle among: ${tables.filter((t) => !placed.has(t.name)).map((t) => t.name)}`);
    for (const table of ready) {
      ordered.push(table);
      placed.add(table.name);
    }
  }
  return ordered;
}

/** What a column of the source row becomes in copy `g.n`; uuids through `pg_temp.copy_uuid`, the same in every column. */
function copied(table: Table, column: Column): string {
  const value = `src.${quote(column.name)}`;
  if (column.type === 'uuid') return `pg_temp.copy_uuid(${value}, g.n)`;
  // A join code is held in two places (join_codes and its session), mapped the same way in both.
  if (column.name === 'join_code' || (table.name === 'join_codes' && column.name === 'code')) return `pg_temp.copy_join_code(${value}, g.n)`;
  if (!column.globallyUnique) return value;
  if (column.name === 'email') return `replace(${value}, '@', '+copy' || g.n || '@')`;
  // Another globally unique text (a token's hash): unique per copy, matching nothing anyone holds.
  return `CASE WHEN ${value} IS NULL THEN NULL ELSE md5(${value}::text || ':' || g.n) END`;
}

/**
 * Copies organization `sourceId` (its rows in every tenant table) `copies` times, in batches of one transaction
 * each. Returns the copies' organization ids. The copies' users keep the source's password hashes, with
 * `+copyN` in their emails.
 */
export async function cloneOrganization(
  db: Client,
  sourceId: string,
  copies: number,
  options: { batch?: number; onBatch?: (done: number) => void; copyThrough?: Client } = {},
): Promise<string[]> {
  if (!/^[0-9a-f-]{36}$/i.test(sourceId)) throw new Error(`not a uuid: ${sourceId}`);
  const tables = await tenantTables(db);
  const alphabet = JOIN_CODE_ALPHABET;
  // Copy n of the source's k-th join code gets number 31^5 + n * 10000 + k: unique per copy and code.
  await db.query(`DROP TABLE IF EXISTS pg_temp.source_join_codes`);
  await db.query(
    `CREATE TEMP TABLE source_join_codes AS SELECT code, row_number() OVER (ORDER BY code) AS k FROM join_codes WHERE organization_id = $1`,
    [sourceId],
  );
  // Six letters of the join-code alphabet for a number: unique per number, never a real random code's twin by chance beyond 1 in 887 million.
  await db.query(
    `CREATE OR REPLACE FUNCTION pg_temp.join_code(k bigint) RETURNS text LANGUAGE sql IMMUTABLE AS $$
       SELECT string_agg(substr('${alphabet}', ((k / (31::bigint ^ p)::bigint) % 31)::int + 1, 1), '' ORDER BY p DESC)
         FROM generate_series(0, 5) AS p $$`,
  );
  await db.query(
    `CREATE OR REPLACE FUNCTION pg_temp.copy_join_code(code text, n int) RETURNS text LANGUAGE sql STABLE AS $$
       SELECT pg_temp.join_code(${31 ** 5} + n * 10000::bigint + (SELECT k FROM pg_temp.source_join_codes s WHERE s.code = $1)) $$`,
  );
  // A version-4 shaped uuid from md5(uuid:copy): the API's contracts check uuids strictly.
  await db.query(
    `CREATE OR REPLACE FUNCTION pg_temp.copy_uuid(u uuid, n int) RETURNS uuid LANGUAGE sql IMMUTABLE AS $$
       SELECT CASE WHEN u IS NULL THEN NULL ELSE
         (substr(h, 1, 12) || '4' || substr(h, 14, 3) || '8' || substr(h, 18, 15))::uuid END
         FROM (SELECT md5(u::text || ':' || n) AS h) AS x $$`,
  );
  const batch = options.batch ?? 25;
  const writer = options.copyThrough ?? db;
  if (options.copyThrough) {
    await writer.query(`SET session_replication_role = replica`).catch(() => undefined);
  }
  for (let from = 1; from <= copies; from += batch) {
    const to = Math.min(copies, from + batch - 1);
    await writer.query('BEGIN');
    try {
      // The copies' rows are computed on the source connection (its temporary functions map them) and written
      // by the other one when there is one.
      const load = async (into: string, select: string) => {
        if (!options.copyThrough) return void (await db.query(`INSERT INTO ${into} ${select}`));
        await pipeline(
          db.query(copyTo(`COPY (${select}) TO STDOUT (FORMAT binary)`)),
          writer.query(copyFrom(`COPY ${into} FROM STDIN (FORMAT binary)`)),
        );
      };
      const copiesOf = `generate_series(${from}, ${to}) AS g(n)`;
      await load(
        `organizations (id, name, short_name, name_en, province, address, signatory_name, signatory_position, created_at)`,
        `SELECT pg_temp.copy_uuid(src.id, g.n), src.name || ' ' || g.n, src.short_name || ' ' || g.n, src.name_en, src.province,
                src.address, src.signatory_name, src.signatory_position, src.created_at
           FROM organizations src CROSS JOIN ${copiesOf} WHERE src.id = '${sourceId}'`,
      );
      for (const table of tables) {
        const columns = table.columns.filter((c) => !c.generated);
        await load(
          `${quote(table.name)} (${columns.map((c) => quote(c.name)).join(', ')})`,
          `SELECT ${columns.map((c) => copied(table, c)).join(', ')}
             FROM ${quote(table.name)} src CROSS JOIN ${copiesOf} WHERE src.organization_id = '${sourceId}'`,
        );
      }
      await writer.query('COMMIT');
    } catch (error) {
      await writer.query('ROLLBACK');
      throw error;
    }
    options.onBatch?.(to);
  }
  const { rows } = await db.query<{ id: string }>(
    `SELECT pg_temp.copy_uuid($1::uuid, g.n) AS id FROM generate_series(1, $2::int) AS g(n)`,
    [sourceId, copies],
  );
  return rows.map((r) => r.id);
}
