import pg from 'pg';
import { openDatabase, type Database, type DbKind } from '../db/index.ts';
import { toolsRequired } from './tools.ts';

/**
 * The database kinds a repository suite runs on: PGlite always; real PostgreSQL when DATABASE_URL is set
 * (.ci/run starts a cluster and sets it). With SALESGYM_REQUIRE_TOOLS=1 a missing DATABASE_URL fails.
 */
export function testDbKinds(): DbKind[] {
  if (process.env.DATABASE_URL) return ['pglite', 'postgres'];
  if (toolsRequired()) throw new Error('SALESGYM_REQUIRE_TOOLS=1 but DATABASE_URL is not set: the PostgreSQL suite cannot run');
  console.warn('SKIP: PostgreSQL variant of the repository suites (set DATABASE_URL to a PostgreSQL server to run it)');
  return ['pglite'];
}

/** A fresh, migrated database: in-memory PGlite, or a new throw-away database on the PostgreSQL server. */
export async function openTestDatabase(kind: DbKind = 'pglite'): Promise<Database> {
  if (kind === 'pglite') return openDatabase({});
  const base = process.env.DATABASE_URL;
  if (!base) throw new Error('DATABASE_URL is not set');
  const empty = await createEmptyPostgresDatabase();
  const database = await openDatabase({ url: empty.url, poolSize: 60 });
  const close = database.close;
  database.close = async () => {
    await close();
    await empty.drop();
  };
  return database;
}

/** A new, empty database on the DATABASE_URL server (no migrations applied) and a way to drop it. */
export async function createEmptyPostgresDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const base = process.env.DATABASE_URL;
  if (!base) throw new Error('DATABASE_URL is not set');
  const name = `sg_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const a = new pg.Client({ connectionString: base });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    },
  };
}
