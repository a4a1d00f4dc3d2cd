// The language switch: a cookie for everyone, and the stored preference for the signed in.
import { z } from 'zod';
import { queryKeys } from '../../platform/http/strict-query.ts';
import { route } from '../../platform/http/route.ts';
import { notFound } from '../../platform/http/errors.ts';
import { LANG_COOKIE } from '../../platform/http/hooks.ts';
import { LOCALES, isLocale } from '../../platform/i18n/index.ts';
import { safeLocalPath } from '../../platform/auth/identifiers.ts';
import { setLocale } from './accounts.service.ts';
import { langCookieOptions, query } from './accounts.http.ts';

const langParams = z.object({ locale: z.enum(LOCALES) });

export const langRoutes = [
  route({
    method: 'GET',
    url: '/lang/:locale',
    access: 'public',
    kind: 'page',
    schema: { params: langParams, querystring: queryKeys(['back']) },
    handler: async (req, reply) => {
      const { locale } = req.params;
      if (!isLocale(locale)) throw notFound();
      reply.setCookie(LANG_COOKIE, locale, langCookieOptions(req));
      if (req.ctx.actor) await setLocale(req.ctx.db, req.ctx.auditActor(), req.ctx.actor.userId, locale);
      return reply.redirect(safeLocalPath(query(req, 'back')) ?? '/', 303);
    },
  }),
];
