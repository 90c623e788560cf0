/**
 * Where the store lives: a file path opens SQLite (better-sqlite3), a `postgres://` URL opens PostgreSQL (pg pool).
 * Each engine's errors are turned into one-line reasons a user can act on (locked, corrupt, unreachable).
 */
import Database from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { Engine } from './migrations.js';
import type { Tables } from './tables.js';

/** The store could not be opened or written; `location` is the file or the URL without its password. */
export class StoreError extends Error {
  override readonly name = 'StoreError';
  constructor(
    readonly location: string,
    readonly code: 'locked' | 'corrupt' | 'unreachable' | 'unwritable' | 'failed',
    readonly reason: string,
  ) {
    super(`${location}: ${reason}`);
  }
}

export interface Connection {
  db: Kysely<Tables>;
  engine: Engine;
  /** Turns an engine error into a StoreError (already StoreErrors pass through). */
  describe(error: unknown): Error;
  close(): Promise<void>;
}

export const isPostgresUrl = (location: string): boolean => /^postgres(ql)?:\/\//i.test(location);

/** The URL as it may be printed: the password replaced. */
export function redact(location: string): string {
  return location.replace(/^(postgres(?:ql)?:\/\/[^:/@]*:)[^@]*@/i, '$1***@');
}

function sqliteError(location: string, error: unknown): Error {
  if (error instanceof StoreError) return error;
  const e = error as { code?: string; message?: string };
  switch (e.code) {
    case 'SQLITE_BUSY':
    case 'SQLITE_LOCKED':
      return new StoreError(location, 'locked', 'database is locked by another process (waited 5 s); try again when it finishes');
    case 'SQLITE_NOTADB':
    case 'SQLITE_CORRUPT':
      return new StoreError(location, 'corrupt', `not a Parallax database or corrupt (${e.message}); restore a backup or choose another --db`);
    case 'SQLITE_CANTOPEN':
      return new StoreError(location, 'unwritable', `cannot open the database file (${e.message})`);
    case 'SQLITE_READONLY':
    case 'SQLITE_IOERR':
    case 'SQLITE_FULL':
      return new StoreError(location, 'unwritable', `cannot write the database (${e.message})`);
    default:
      return error instanceof Error ? error : new Error(String(error));
  }
}

// Connection lost or refused, the server shutting down, the database not accepting connections (55000).
const UNREACHABLE = new Set(['55000', 'ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'ETIMEDOUT', 'EPIPE', '57P01', '57P02', '57P03', '08006', '08001', '08003', '08004']);

function postgresError(location: string, error: unknown): Error {
  if (error instanceof StoreError) return error;
  const e = error as { code?: string; message?: string; errors?: Array<{ code?: string }> };
  const code = e.code ?? e.errors?.[0]?.code;
  if ((code && UNREACHABLE.has(code)) || /Connection terminated|connect ECONNREFUSED|terminating connection|not queryable|connection error/i.test(e.message ?? '')) {
    return new StoreError(location, 'unreachable', `lost PostgreSQL or cannot reach it (${code ?? e.message}); what was stored is kept, run again when it is back`);
  }
  if (code === '3D000') return new StoreError(location, 'unreachable', `no such PostgreSQL database (${e.message})`);
  if (code === '28P01' || code === '28000') return new StoreError(location, 'unreachable', `PostgreSQL refused the login (${e.message})`);
  return error instanceof Error ? error : new Error(String(error));
}

/**
 * Kysely prepares every query anew; a better-sqlite3 statement can be run again and again, and preparing costs as
 * much as running the small statements of an insert. So prepared statements are kept by their SQL text (a bounded
 * map: lists of values change the text, and such queries are few).
 */
function withStatementCache(database: Database.Database, size = 256): Database.Database {
  const cache = new Map<string, Database.Statement>();
  const prepare = database.prepare.bind(database);
  return new Proxy(database, {
    get(target, key, receiver) {
      if (key !== 'prepare') return Reflect.get(target, key, receiver) as unknown;
      return (sqlText: string) => {
        let stmt = cache.get(sqlText);
        if (!stmt) {
          stmt = prepare(sqlText);
          if (cache.size >= size) cache.delete(cache.keys().next().value!);
          cache.set(sqlText, stmt);
        }
        return stmt;
      };
    },
  });
}

export async function connect(location: string): Promise<Connection> {
  if (isPostgresUrl(location)) {
    const shown = redact(location);
    const pool = new pg.Pool({ connectionString: location, max: 4, connectionTimeoutMillis: 10_000 });
    // An idle client whose server went away emits 'error' on the pool; the next query reports it instead.
    pool.on('error', () => undefined);
    // So does a client in use when the server cuts it: the query in flight rejects, and that is what is reported.
    pool.on('connect', (client) => client.on('error', () => undefined));
    try {
      const client = await pool.connect();
      client.release();
    } catch (error) {
      await pool.end().catch(() => undefined);
      throw postgresError(shown, error);
    }
    const db = new Kysely<Tables>({ dialect: new PostgresDialect({ pool }) });
    return { db, engine: 'postgres', describe: (error) => postgresError(shown, error), close: () => db.destroy() };
  }
  let database: Database.Database;
  try {
    database = new Database(location, { timeout: 5000 });
    database.pragma('journal_mode = WAL');
    // WAL with NORMAL sync: a power cut may lose the last transactions, never corrupt the file or half-write one.
    database.pragma('synchronous = NORMAL');
    // Each article touches pages all over the indexes (bands, entities, search); SQLite's default 2 MB page cache
    // makes a large store re-read them on every insert. 64 MB.
    database.pragma('cache_size = -65536');
    // Those pages are written twice, to the log and back to the file at a checkpoint, and each checkpoint syncs the
    // file. SQLite checkpoints every 1,000 pages (4 MB) of log; a large store dirties that in a few transactions, so
    // every few commits paid a checkpoint. At 40,000 pages (a log of up to 160 MB, removed on close) a page changed
    // again before the checkpoint is written back once: at 37,000 stored articles, commits took 2.2 → 0.9 ms an
    // article (docs/scaling.md).
    database.pragma('wal_autocheckpoint = 40000');
  } catch (error) {
    throw sqliteError(location, error);
  }
  const db = new Kysely<Tables>({ dialect: new SqliteDialect({ database: withStatementCache(database) }) });
  return { db, engine: 'sqlite', describe: (error) => sqliteError(location, error), close: () => db.destroy() };
}
