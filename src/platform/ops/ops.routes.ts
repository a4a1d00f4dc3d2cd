// Health check for load balancers and monitors.
import { z } from 'zod';
import { route } from '../http/route.ts';
import { ping } from '../db/connect.ts';

export const opsRoutes = [
  route({
    method: 'GET',
    url: '/healthz',
    access: 'public',
    kind: 'api',
    schema: {
      summary: 'Liveness and database check',
      tags: ['operations'],
      response: { 200: z.object({ status: z.literal('ok') }), 503: z.object({ status: z.literal('unavailable') }) },
    },
    handler: async (req, reply) => {
      const ok = await ping(req.ctx.services.db);
      return ok ? { status: 'ok' as const } : reply.code(503).send({ status: 'unavailable' as const });
    },
  }),
];
