/**
 * The real services the store and queue tests run against: PostgreSQL and NATS with JetStream on loopback
 * (PARALLAX_TEST_PG / PARALLAX_TEST_NATS override). In CI a missing service fails the test; elsewhere it skips.
 */
import { randomBytes } from 'node:crypto';
import { createConnection } from 'node:net';
import pg from 'pg';
import { isCI } from '../config/paths.js';

const ADMIN_PG = process.env.PARALLAX_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const TEST_NATS = process.env.PARALLAX_TEST_NATS ?? 'nats://127.0.0.1:4222';

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/** A fresh, empty PostgreSQL database for one test; null (skip) when no server answers outside CI. */
export async function freshPostgres(): Promise<TestDatabase | null> {
  const admin = new pg.Client({ connectionString: ADMIN_PG, connectionTimeoutMillis: 3000 });
  try {
    await admin.connect();
  } catch (error) {
    if (isCI()) throw new Error(`PostgreSQL is needed for this test in CI (${ADMIN_PG}): ${(error as Error).message}`);
    return null;
  }
  const name = `parallax_test_${randomBytes(5).toString('hex')}`;
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(ADMIN_PG);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: ADMIN_PG });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

/** Whether NATS answers on its port; throws in CI when it does not. */
export async function natsAvailable(): Promise<boolean> {
  const u = new URL(TEST_NATS);
  const ok = await new Promise<boolean>((resolve) => {
    const socket = createConnection({ host: u.hostname, port: Number(u.port || 4222) });
    socket.setTimeout(2000);
    socket.once('connect', () => { socket.destroy(); resolve(true); });
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => { socket.destroy(); resolve(false); });
  });
  if (!ok && isCI()) throw new Error(`NATS with JetStream is needed for this test in CI (${TEST_NATS})`);
  return ok;
}

/** A queue URL of its own for one test (a fresh stream name). */
export const freshQueueUrl = (query = ''): string => `${TEST_NATS}/test_${randomBytes(5).toString('hex')}${query}`;
