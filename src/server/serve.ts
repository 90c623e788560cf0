/** Starts the HTTP server on a store; resolves with its address and a close function. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { REPO_ROOT } from '../config/paths.js';
import type { Store } from '../store/index.js';
import { createApp, type AppOptions } from './app.js';

/** The built web UI, when `npm run build` made it. */
export const WEB_ROOT = join(REPO_ROOT, 'dist', 'web');

export interface Server {
  url: string;
  close(): Promise<void>;
}

export function startServer(store: Store, options: { port: number; host: string } & Partial<AppOptions> & { version: string }): Promise<Server> {
  const webRoot = options.webRoot === undefined ? (existsSync(join(WEB_ROOT, 'index.html')) ? WEB_ROOT : null) : options.webRoot;
  const app = createApp(store, { ...options, webRoot });
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port: options.port, hostname: options.host }, (info: AddressInfo) => {
      const host = info.family === 'IPv6' ? `[${info.address}]` : info.address;
      resolve({
        url: `http://${host}:${info.port}/`,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
    server.once('error', reject);
  });
}
