/** Request counts and durations by route and status, in Prometheus' text format (prom-client). */
import type { MiddlewareHandler } from 'hono';
import { routePath } from 'hono/route';
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'parallax_' });
  const labelNames = ['method', 'route', 'status'] as const;
  const requests = new Counter({ name: 'parallax_http_requests_total', help: 'HTTP requests', labelNames, registers: [registry] });
  const seconds = new Histogram({ name: 'parallax_http_request_seconds', help: 'HTTP request duration', labelNames, buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10], registers: [registry] });
  const middleware: MiddlewareHandler = async (c, next) => {
    const start = performance.now();
    await next();
    // The route pattern, not the path: ids would make one series per story.
    const labels = { method: c.req.method, route: routePath(c) || 'static', status: String(c.res.status) };
    requests.inc(labels);
    seconds.observe(labels, (performance.now() - start) / 1000);
  };
  return { middleware, text: () => registry.metrics(), contentType: registry.contentType };
}
