// Operational endpoints: /healthz for load balancers and monitors, /metrics for Prometheus.
// Both are public to the application; docs/operations.md says to keep /metrics behind the proxy.
import { z } from 'zod';
import { route } from '../http/route.ts';
import { notFound } from '../http/errors.ts';
import { ping, type Db } from '../db/connect.ts';

/** A database that takes longer than this to answer `select 1` counts as down. */
export const HEALTH_TIMEOUT_MS = 2000;

async function databaseAnswers(db: Db): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), HEALTH_TIMEOUT_MS);
  });
  try {
    return await Promise.race([ping(db), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export const opsRoutes = [
  // Browsers ask for /favicon.ico whatever the page links; the icon is one SVG.
  route({
    method: 'GET',
    url: '/favicon.ico',
    access: 'public',
    kind: 'page',
    handler: async (_req, reply) => reply.header('cache-control', 'public, max-age=86400').redirect('/static/favicon.svg', 301),
  }),
  route({
    method: 'GET',
    url: '/healthz',
    access: 'public',
    kind: 'api',
    schema: {
      summary: 'Liveness and database check: 200 when the database answers, 503 otherwise',
      tags: ['operations'],
      response: { 200: z.object({ status: z.literal('ok') }), 503: z.object({ status: z.literal('unavailable') }) },
    },
    handler: async (req, reply) => {
      const ok = await databaseAnswers(req.ctx.services.db);
      reply.header('cache-control', 'no-store');
      return ok ? { status: 'ok' as const } : reply.code(503).send({ status: 'unavailable' as const });
    },
  }),
  route({
    method: 'GET',
    url: '/metrics',
    access: 'public',
    kind: 'api',
    schema: {
      summary: 'Prometheus metrics (text exposition format); restrict at the reverse proxy',
      tags: ['operations'],
    },
    handler: async (req, reply) => {
      const registry = req.server.metrics;
      if (!registry) throw notFound();
      return reply.header('cache-control', 'no-store').type(registry.contentType).send(await registry.metrics());
    },
  }),
];
