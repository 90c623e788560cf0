import { startServer } from '../server/serve.js';
import { redact, Store } from '../store/index.js';
import { UsageError } from './args.js';
import { countOption, storeLocation, type OptionValues } from './common.js';
import type { CliIo } from './io.js';
import { packageVersion } from './version.js';

/** `parallax serve`: the JSON API and the web UI on one port, until interrupted. */
export async function runServe(values: OptionValues, io: CliIo): Promise<number> {
  const port = values.port === '0' ? 0 : countOption(values, 'port', 8080);
  if (port > 65535) throw new UsageError(`--port ${port} is not a port (1–65535)`);
  const host = typeof values.host === 'string' ? values.host : '127.0.0.1';
  const location = storeLocation(values, io.env);
  const store = await Store.open(location);
  let server;
  try {
    server = await startServer(store, { port, host, version: packageVersion() });
  } catch (error) {
    await store.close();
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(`cannot listen on ${host}:${port} (${code === 'EADDRINUSE' ? 'the port is in use; choose another with --port' : code ?? (error as Error).message})`);
  }
  io.stderr.write(`parallax: serving ${redact(location)} at ${server.url} (API: ${server.url}api, OpenAPI: ${server.url}openapi.json); Ctrl-C stops\n`);
  io.stdout.write(`${server.url}\n`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve).once('SIGTERM', resolve);
  });
  await server.close();
  await store.close();
  return 0;
}
