// Prometheus metrics: the process's default metrics (CPU, memory, event loop, GC) and
// http_request_duration_seconds by method, route pattern and status code. Served at
// /metrics (ops.routes.ts); operators keep that path off the public internet at the proxy.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Histogram, Registry, collectDefaultMetrics } from 'prom-client';

declare module 'fastify' {
  interface FastifyInstance {
    /** Set by registerMetrics; /metrics answers 404 without it. */
    metrics?: Registry;
  }
}

// Default metrics describe the process, so they are collected once per process however
// many apps it builds (tests build many); each app gets its own HTTP histogram.
let processRegistry: Registry | null = null;
function processMetrics(): Registry {
  if (!processRegistry) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry });
  }
  return processRegistry;
}

/** Requests that matched no route share one label, so a scan of random URLs cannot blow up the series count. */
export const UNMATCHED_ROUTE = '(unmatched)';

/** Adds the request timing hook and the registry /metrics serves. Call once, before the routes. */
export function registerMetrics(app: FastifyInstance): Registry {
  const http = new Registry();
  const duration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'Time from the request arriving to the response being sent, by method, route pattern and status code',
    labelNames: ['method', 'route', 'status_code'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [http],
  });
  const registry = Registry.merge([processMetrics(), http]);
  app.decorate('metrics', registry);
  app.addHook('onResponse', async (req: FastifyRequest, reply: FastifyReply) => {
    duration.observe(
      { method: req.method, route: req.routeOptions.url ?? UNMATCHED_ROUTE, status_code: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
  });
  return registry;
}
