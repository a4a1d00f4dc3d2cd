// /api/v1/me: who the API caller is.
import { route } from '../../platform/http/route.ts';
import { meResponse } from './accounts.schemas.ts';
import { loadMe } from './accounts.service.ts';
import { actorUserId } from './accounts.http.ts';

export const meRoutes = [
  route({
    method: 'GET',
    url: '/api/v1/me',
    access: 'citizen',
    kind: 'api',
    schema: {
      summary: 'The signed-in account: identity, language, national roles and community roles',
      tags: ['accounts'],
      response: { 200: meResponse },
    },
    handler: async (req) => loadMe(req.ctx.db, actorUserId(req)),
  }),
];
