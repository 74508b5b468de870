import { readFileSync } from 'node:fs';
import path from 'node:path';
import { getSchema, type Attribute, type Field, type Model } from '@mrleebo/prisma-ast';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// prisma/schema.prisma mirrors the SQL migrations by hand; this proves the freshly migrated database and the
// mirror agree on tables, columns, types, nullability and primary keys.

interface ColumnSpec {
  type: string; // information_schema data_type, with "(n)" for fixed-length character
  nullable: boolean;
}
interface TableSpec {
  model: string;
  columns: Map<string, ColumnSpec>;
  primaryKey: string[];
}
/** table -> columns and primary key, from either side. */
type Catalog = Map<string, Omit<TableSpec, 'model'> & { model?: string }>;

const MIGRATIONS_TABLE = 'pgmigrations';
const schemaText = readFileSync(path.join(process.cwd(), 'prisma', 'schema.prisma'), 'utf8');

const unquote = (v: unknown) => String(v).replace(/^"(.*)"$/, '$1');
const attr = (attrs: Attribute[] | undefined, name: string, group?: string) => attrs?.find((a) => a.name === name && a.group === group);
/** First argument of an attribute, unquoted: `@map("x")`, `@map(name: "x")`, `@db.Char(3)`. */
function firstArg(a: { args?: { value: unknown }[] } | undefined): string | undefined {
  const v = a?.args?.[0]?.value;
  if (v === undefined) return undefined;
  const isKeyValue = typeof v === 'object' && v !== null && 'key' in v && 'value' in v;
  return unquote(isKeyValue ? v.value : v);
}

function prismaColumnType(field: Field): string {
  if (field.array) return 'ARRAY'; // information_schema names every array type so
  const db = field.attributes?.find((a) => a.group === 'db');
  const scalar = `${field.fieldType as string}${db ? ` @db.${db.name}` : ''}`;
  switch (scalar) {
    case 'String':
    case 'String @db.Text':
      return 'text';
    case 'String @db.Uuid':
      return 'uuid';
    case 'String @db.Char':
      return `character(${firstArg(db)})`;
    case 'Int':
      return 'integer';
    case 'BigInt':
      return 'bigint';
    case 'Boolean':
      return 'boolean';
    case 'DateTime @db.Timestamptz':
      return 'timestamp with time zone';
    case 'DateTime @db.Date':
      return 'date';
    case 'Json':
      return 'jsonb';
    case 'Bytes':
      return 'bytea';
    case 'Decimal @db.Decimal':
      return 'numeric';
    default:
      return `unsupported Prisma type ${scalar}`;
  }
}

/** Tables the Prisma schema describes, keyed by their @@map name. */
function prismaCatalog(text: string): Map<string, TableSpec> {
  const blocks = getSchema(text).list;
  const models = blocks.filter((b): b is Model => b.type === 'model');
  const nonScalar = new Set(models.map((m) => m.name));
  const tables = new Map<string, TableSpec>();
  for (const model of models) {
    const props = model.properties.filter((p) => p.type === 'attribute' || p.type === 'field');
    const blockAttrs = props.filter((p) => p.type === 'attribute') as unknown as Attribute[];
    const fields = props.filter((p): p is Field => p.type === 'field');
    const scalars = fields.filter((f) => !(typeof f.fieldType === 'string' && nonScalar.has(f.fieldType)));
    const columnOf = new Map(scalars.map((f) => [f.name, firstArg(attr(f.attributes, 'map')) ?? f.name]));
    const columns = new Map(scalars.map((f) => [columnOf.get(f.name)!, { type: prismaColumnType(f), nullable: !!f.optional }]));
    const idArg = attr(blockAttrs, 'id')?.args?.[0]?.value as { args: string[] } | undefined;
    const idFields = idArg ? idArg.args : scalars.filter((f) => attr(f.attributes, 'id')).map((f) => f.name);
    const primaryKey = idFields.map((f) => columnOf.get(f) ?? `unknown field ${f}`);
    tables.set(firstArg(attr(blockAttrs, 'map')) ?? model.name, { model: model.name, columns, primaryKey });
  }
  return tables;
}

async function databaseCatalog(client: pg.Client): Promise<Catalog> {
  const { rows: cols } = await client.query<{ table: string; column: string; type: string; len: number | null; nullable: string }>(
    `SELECT c.table_name AS table, c.column_name AS column, c.data_type AS type,
            c.character_maximum_length AS len, c.is_nullable AS nullable
       FROM information_schema.columns c
       JOIN information_schema.tables t USING (table_schema, table_name)
      WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE' AND c.table_name <> $1
      ORDER BY c.table_name, c.ordinal_position`,
    [MIGRATIONS_TABLE],
  );
  const { rows: keys } = await client.query<{ table: string; column: string }>(
    `SELECT k.table_name AS table, k.column_name AS column
       FROM information_schema.table_constraints tc
       JOIN information_schema.key_column_usage k USING (constraint_schema, constraint_name, table_name)
      WHERE tc.table_schema = current_schema() AND tc.constraint_type = 'PRIMARY KEY'
      ORDER BY k.table_name, k.ordinal_position`,
  );
  const catalog: Catalog = new Map();
  for (const c of cols) {
    const table = catalog.get(c.table) ?? { columns: new Map(), primaryKey: [] };
    const type = c.type === 'character' ? `character(${c.len})` : c.type;
    table.columns.set(c.column, { type, nullable: c.nullable === 'YES' });
    catalog.set(c.table, table);
  }
  for (const k of keys) catalog.get(k.table)?.primaryKey.push(k.column);
  return catalog;
}

/** Every disagreement between the two catalogs, one readable line each; empty when they mirror each other. */
function differences(prisma: Map<string, TableSpec>, db: Catalog): string[] {
  const out: string[] = [];
  for (const [table, spec] of prisma) {
    const actual = db.get(table);
    if (!actual) {
      out.push(`model ${spec.model}: no table ${table}`);
      continue;
    }
    for (const [column, want] of spec.columns) {
      const got = actual.columns.get(column);
      if (!got) out.push(`${table}.${column}: in Prisma, not in the database`);
      else if (got.type !== want.type) out.push(`${table}.${column}: Prisma ${want.type}, database ${got.type}`);
      else if (got.nullable !== want.nullable)
        out.push(`${table}.${column}: Prisma ${want.nullable ? 'optional' : 'required'}, database ${got.nullable ? 'NULL' : 'NOT NULL'}`);
    }
    for (const column of actual.columns.keys()) {
      if (!spec.columns.has(column)) out.push(`${table}.${column}: in the database, not in Prisma`);
    }
    if (spec.primaryKey.join(',') !== actual.primaryKey.join(','))
      out.push(`${table}: Prisma id (${spec.primaryKey.join(', ')}), database primary key (${actual.primaryKey.join(', ')})`);
  }
  for (const table of db.keys()) if (!prisma.has(table)) out.push(`table ${table}: no model`);
  return out;
}

describe('prisma/schema.prisma mirrors the migrated database', () => {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  const prisma = prismaCatalog(schemaText);
  let db: Catalog;

  beforeAll(async () => {
    await client.connect();
    db = await databaseCatalog(client);
  });
  afterAll(async () => {
    await client.end();
  });

  it('reads both sides', () => {
    expect(prisma.size).toBeGreaterThanOrEqual(9);
    expect(db.size).toBeGreaterThanOrEqual(9);
    expect(prisma.get('invoices')?.columns.get('due_date')).toEqual({ type: 'date', nullable: false });
    expect(db.get('customers')?.columns.get('country')).toEqual({ type: 'character(2)', nullable: true });
  });

  it('agrees on every table, column, type, nullability and primary key', () => {
    expect(differences(prisma, db)).toEqual([]);
  });

  // The comparison must not be vacuous: drift injected on either side shows up (beyond any real drift).
  const newProblems = (drifted: string[]) => drifted.filter((p) => !differences(prisma, db).includes(p));

  it('reports a field that only the Prisma schema has', () => {
    const drifted = schemaText.replace('  status       String\n', '  status       String\n  note         String?\n');
    expect(newProblems(differences(prismaCatalog(drifted), db))).toEqual(['invoices.note: in Prisma, not in the database']);
  });

  it('reports a column that only the database has, and changed types, nullability and keys', () => {
    const drifted: Catalog = new Map([...db].map(([t, s]) => [t, { columns: new Map(s.columns), primaryKey: [...s.primaryKey] }]));
    const invoices = drifted.get('invoices')!;
    invoices.columns.set('note', { type: 'text', nullable: true });
    invoices.columns.set('amount_minor', { type: 'integer', nullable: false });
    invoices.columns.set('status', { type: 'text', nullable: true });
    invoices.primaryKey = ['id'];
    drifted.set('widgets', { columns: new Map(), primaryKey: [] });
    expect(newProblems(differences(prisma, drifted))).toEqual([
      'invoices.amount_minor: Prisma bigint, database integer',
      'invoices.status: Prisma required, database NULL',
      'invoices.note: in the database, not in Prisma',
      'invoices: Prisma id (company_id, id), database primary key (id)',
      'table widgets: no model',
    ]);
  });
});
