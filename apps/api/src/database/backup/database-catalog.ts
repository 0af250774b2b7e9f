import { escapeIdentifier, type ClientBase } from 'pg';
import { BackupFileError } from './backup-format';

/**
 * What a backup and a restore read from PostgreSQL's catalog about the current schema (normally `public`).
 * Tables are found here, never listed by hand, so a table a new migration adds is backed up without a change.
 * Objects that belong to an extension are left alone.
 */

/** TypeORM's own table of applied migrations: backed up in the header and rebuilt by running them. */
export const MIGRATIONS_TABLE = 'migrations';

const IN_SCHEMA = (alias: string, column: string) => `${alias}.${column} = current_schema()::regnamespace`;
const NOT_FROM_EXTENSION = (catalog: string, alias: string) =>
  `NOT EXISTS (SELECT 1 FROM pg_depend e WHERE e.classid = '${catalog}'::regclass AND e.objid = ${alias}.oid AND e.deptype = 'e')`;

export interface TableShape {
  name: string;
  /** Stored columns in their order; generated columns are computed again, not copied. */
  columns: string[];
}

export async function currentSchema(client: ClientBase): Promise<string> {
  const { rows } = await client.query<{ schema: string | null }>('SELECT current_schema() AS schema');
  if (!rows[0].schema) throw new Error('The database has no schema on its search_path (current_schema() is empty).');
  return rows[0].schema;
}

/** The schema-qualified, quoted name of a table or sequence of the current schema. */
export function qualified(schema: string, name: string): string {
  return `${escapeIdentifier(schema)}.${escapeIdentifier(name)}`;
}

/** Every table of the current schema (partitions are read through their parent), the migrations table included. */
export async function listTables(client: ClientBase): Promise<TableShape[]> {
  const { rows } = await client.query<{ name: string; columns: string[] | null }>(
    `SELECT c.relname AS name,
            array_agg(a.attname::text ORDER BY a.attnum)
              FILTER (WHERE a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = '') AS columns
       FROM pg_class c
       LEFT JOIN pg_attribute a ON a.attrelid = c.oid
      WHERE ${IN_SCHEMA('c', 'relnamespace')} AND c.relkind IN ('r', 'p') AND NOT c.relispartition
        AND ${NOT_FROM_EXTENSION('pg_class', 'c')}
      GROUP BY c.oid, c.relname
      ORDER BY c.relname`,
  );
  return rows.map((row) => ({ name: row.name, columns: row.columns ?? [] }));
}

export async function listSequences(client: ClientBase): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c
      WHERE ${IN_SCHEMA('c', 'relnamespace')} AND c.relkind = 'S' AND ${NOT_FROM_EXTENSION('pg_class', 'c')}
      ORDER BY c.relname`,
  );
  return rows.map((row) => row.name);
}

export interface ForeignKey {
  /** As regclass prints it: quoted, qualified when needed. */
  table: string;
  name: string;
  definition: string;
}

/** Foreign keys of the schema's tables, to drop before loading rows and add back (checking every row) after. */
export async function listForeignKeys(client: ClientBase): Promise<ForeignKey[]> {
  const { rows } = await client.query<ForeignKey>(
    `SELECT con.conrelid::regclass::text AS "table", con.conname AS name, pg_get_constraintdef(con.oid) AS definition
       FROM pg_constraint con JOIN pg_class c ON c.oid = con.conrelid
      WHERE con.contype = 'f' AND con.conparentid = 0 AND ${IN_SCHEMA('c', 'relnamespace')}
      ORDER BY 1, 2`,
  );
  return rows;
}

export interface EnabledTrigger {
  table: string;
  name: string;
  /** pg_trigger.tgenabled: O (origin, the default), R (replica) or A (always). */
  mode: string;
}

/** Triggers a migration made; loading rows must not fire them (they could add or change rows). */
export async function listEnabledTriggers(client: ClientBase): Promise<EnabledTrigger[]> {
  const { rows } = await client.query<EnabledTrigger>(
    `SELECT t.tgrelid::regclass::text AS "table", t.tgname AS name, t.tgenabled::text AS mode
       FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
      WHERE NOT t.tgisinternal AND t.tgenabled <> 'D' AND ${IN_SCHEMA('c', 'relnamespace')}`,
  );
  return rows;
}

export function enableTriggerSql(trigger: EnabledTrigger): string {
  const how = trigger.mode === 'R' ? 'ENABLE REPLICA' : trigger.mode === 'A' ? 'ENABLE ALWAYS' : 'ENABLE';
  return `ALTER TABLE ${trigger.table} ${how} TRIGGER ${escapeIdentifier(trigger.name)}`;
}

/**
 * Drops every object of the current schema that migrations can make (tables with their sequences, indexes and
 * constraints, views, other sequences, types, functions), so the backup's migrations can run on an empty schema.
 * The schema itself, its owner and grants, and extensions stay.
 */
export async function dropSchemaObjects(client: ClientBase): Promise<void> {
  const relations = await client.query<{ name: string; kind: string }>(
    `SELECT c.oid::regclass::text AS name, c.relkind::text AS kind FROM pg_class c
      WHERE ${IN_SCHEMA('c', 'relnamespace')} AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f') AND NOT c.relispartition
        AND ${NOT_FROM_EXTENSION('pg_class', 'c')}
        -- a column's own sequence goes with its table
        AND NOT (c.relkind = 'S' AND EXISTS (SELECT 1 FROM pg_depend d
                  WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype IN ('a', 'i')))`,
  );
  const relationKind: Record<string, string> = {
    r: 'TABLE',
    p: 'TABLE',
    v: 'VIEW',
    m: 'MATERIALIZED VIEW',
    S: 'SEQUENCE',
    f: 'FOREIGN TABLE',
  };
  for (const relation of relations.rows) {
    await client.query(`DROP ${relationKind[relation.kind]} IF EXISTS ${relation.name} CASCADE`);
  }
  const types = await client.query<{ name: string; kind: string }>(
    `SELECT t.oid::regtype::text AS name, t.typtype::text AS kind FROM pg_type t
      WHERE ${IN_SCHEMA('t', 'typnamespace')} AND t.typtype IN ('e', 'd', 'r', 'c')
        AND (t.typtype <> 'c' OR EXISTS (SELECT 1 FROM pg_class r WHERE r.oid = t.typrelid AND r.relkind = 'c'))
        AND ${NOT_FROM_EXTENSION('pg_type', 't')}`,
  );
  for (const type of types.rows) {
    await client.query(`DROP ${type.kind === 'd' ? 'DOMAIN' : 'TYPE'} IF EXISTS ${type.name} CASCADE`);
  }
  const routines = await client.query<{ signature: string; kind: string }>(
    `SELECT p.oid::regprocedure::text AS signature, p.prokind::text AS kind FROM pg_proc p
      WHERE ${IN_SCHEMA('p', 'pronamespace')} AND ${NOT_FROM_EXTENSION('pg_proc', 'p')}`,
  );
  for (const routine of routines.rows) {
    const what = routine.kind === 'p' ? 'PROCEDURE' : routine.kind === 'a' ? 'AGGREGATE' : 'FUNCTION';
    await client.query(`DROP ${what} IF EXISTS ${routine.signature} CASCADE`);
  }
}

/**
 * Session settings for reading and writing COPY text the same way on every server version, as pg_dump sets them:
 * no timeout cuts a long copy short, and row security may not hide rows silently (it makes the copy fail instead).
 */
export async function setCopySessionSettings(client: ClientBase): Promise<void> {
  // Under row-level security with FORCE only a superuser or a BYPASSRLS role reads or writes every organization's rows.
  const [{ bypasses }]: { bypasses: boolean }[] = (
    await client.query(`SELECT rolsuper OR rolbypassrls AS bypasses FROM pg_roles WHERE rolname = current_user`)
  ).rows;
  if (!bypasses) {
    throw new BackupFileError(
      'บัญชีฐานข้อมูลที่ใช้สำรองหรือกู้คืนข้อมูลต้องเป็น superuser หรือมีสิทธิ์ BYPASSRLS (ข้อมูลแต่ละหน่วยงานถูกกั้นด้วย row-level security): ให้ผู้ดูแลฐานข้อมูลสั่ง ALTER ROLE <บัญชีเจ้าของ> BYPASSRLS',
      'The database role that backs up or restores must be a superuser or have BYPASSRLS (row-level security keeps each organization apart): ask the database administrator for ALTER ROLE <owner> BYPASSRLS.',
    );
  }
  await client.query(
    `SET client_encoding = 'UTF8'; SET DateStyle = 'ISO'; SET IntervalStyle = 'postgres'; SET TimeZone = 'UTC';
     SET extra_float_digits = 3; SET bytea_output = 'hex'; SET statement_timeout = 0;
     SET idle_in_transaction_session_timeout = 0; SET row_security = off`,
  );
}
