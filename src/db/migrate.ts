import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** A connection that runs simple-protocol SQL (several statements allowed) and returns the last rows. */
export interface MigrationConnection {
  query(text: string): Promise<Record<string, unknown>[]>;
}
export type MigrationExecutor = <T>(fn: (c: MigrationConnection) => Promise<T>) => Promise<T>;

export const MIGRATIONS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../migrations');
/** Advisory lock key: two nodes starting together apply migrations one after the other. */
const LOCK_KEY = 7_264_731_901;

export function listMigrations(dir = MIGRATIONS_DIR): { name: string; sql: string }[] {
  return readdirSync(dir)
    .filter((f) => /^\d{4}_.+\.sql$/.test(f))
    .sort()
    .map((name) => ({ name, sql: readFileSync(path.join(dir, name), 'utf8') }));
}

/** Applies every migration not yet applied, each in its own transaction, under an advisory lock. Idempotent. */
export async function runMigrations(exec: MigrationExecutor, dir = MIGRATIONS_DIR): Promise<string[]> {
  const migrations = listMigrations(dir);
  return exec(async (c) => {
    await c.query(`SELECT pg_advisory_lock(${LOCK_KEY})`);
    try {
      await c.query(
        `CREATE TABLE IF NOT EXISTS schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`,
      );
      const done = new Set((await c.query(`SELECT name FROM schema_migrations`)).map((r) => String(r.name)));
      const applied: string[] = [];
      for (const m of migrations) {
        if (done.has(m.name)) continue;
        await c.query('BEGIN');
        try {
          await c.query(m.sql);
          await c.query(`INSERT INTO schema_migrations (name) VALUES ('${m.name.replace(/'/g, "''")}')`);
          await c.query('COMMIT');
        } catch (e) {
          await c.query('ROLLBACK');
          throw new Error(`Migration ${m.name} failed: ${(e as Error).message}`, { cause: e });
        }
        applied.push(m.name);
      }
      return applied;
    } finally {
      await c.query(`SELECT pg_advisory_unlock(${LOCK_KEY})`);
    }
  });
}
