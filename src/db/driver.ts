import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { sql, type SQL } from 'drizzle-orm';
import { runMigrations, type MigrationExecutor } from './migrate.ts';

/** The query layer every repository uses; the same type on PGlite and node-postgres. */
export type Db = PgDatabase<PgQueryResultHKT, Record<string, never>>;
export type DbKind = 'pglite' | 'postgres';

export interface Database {
  kind: DbKind;
  db: Db;
  /** Raw rows of one SQL statement (tagged template from drizzle-orm's `sql`). */
  rows<T = Record<string, unknown>>(query: SQL): Promise<T[]>;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** postgres:// URL; without it, PGlite. */
  url?: string;
  /** PGlite data directory; undefined = in memory. */
  dataDir?: string;
  migrate?: boolean;
  /** node-postgres pool size. */
  poolSize?: number;
}

function wrap(kind: DbKind, db: Db, close: () => Promise<void>): Database {
  return {
    kind,
    db,
    async rows<T>(query: SQL) {
      const r = (await db.execute(query)) as unknown as { rows: T[] };
      return r.rows;
    },
    close,
  };
}

/** Opens PGlite (embedded, persisted under dataDir) or PostgreSQL (url), and applies migrations. */
export async function openDatabase(opts: OpenOptions = {}): Promise<Database> {
  let database: Database;
  let exec: MigrationExecutor;
  if (opts.url) {
    const pg = (await import('pg')).default;
    // bigint/numeric as JS numbers is safe for our counters (well below 2^53)
    pg.types.setTypeParser(20, (v: string) => Number(v));
    const { drizzle } = await import('drizzle-orm/node-postgres');
    const pool = new pg.Pool({ connectionString: opts.url, max: opts.poolSize ?? 10 });
    pool.on('error', () => {}); // idle client errors surface on the next query
    const db = drizzle(pool) as unknown as Db;
    database = wrap('postgres', db, () => pool.end());
    exec = async (fn) => {
      const client = await pool.connect();
      try {
        return await fn({
          query: async (text: string) => (await client.query(text)).rows,
        });
      } finally {
        client.release();
      }
    };
  } else {
    const { PGlite } = await import('@electric-sql/pglite');
    if (opts.dataDir) mkdirSync(path.dirname(path.resolve(opts.dataDir)), { recursive: true });
    const client = new PGlite(opts.dataDir);
    await client.waitReady;
    const { drizzle } = await import('drizzle-orm/pglite');
    const db = drizzle(client) as unknown as Db;
    database = wrap('pglite', db, () => client.close());
    exec = async (fn) =>
      fn({
        query: async (text: string) => {
          const results = await client.exec(text);
          return (results.at(-1)?.rows ?? []) as Record<string, unknown>[];
        },
      });
  }
  if (opts.migrate !== false) await runMigrations(exec);
  return database;
}

/** Bigint and count columns arrive as strings from some drivers; normalise. */
export const num = (v: unknown): number => (typeof v === 'number' ? v : Number(v ?? 0));
export { sql };
