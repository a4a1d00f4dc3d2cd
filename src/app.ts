// buildApp: the platform plugins, then the explicit list of modules. Every route is
// registered here from a manifest, and one without a valid access level stops start-up.
import path from 'node:path';
import { createRequire } from 'node:module';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import {
  jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Services } from './platform/module/contract.ts';
import { createContext, guard, newRequestId } from './platform/http/hooks.ts';
import { stripRequestControls } from './platform/http/controls.ts';
import { errorHandler, sendError } from './platform/http/error-handler.ts';
import { badRequest, notFound } from './platform/http/errors.ts';
import { rewriteForDomain } from './platform/http/tenancy.ts';
import { securityHeaders } from './platform/http/security-headers.ts';
import type { ModuleManifest } from './platform/module/contract.ts';
import type { RouteDef } from './platform/http/route.ts';
import { checkUpload, MAX_UPLOAD_BYTES } from './platform/files/upload.ts';
import { registerMetrics } from './platform/ops/metrics.ts';
import { dropBlankQuery, strictQuery } from './platform/http/strict-query.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const require = createRequire(import.meta.url);

export interface BuildOptions {
  /** Logs go here; tests pass false to keep output quiet. */
  logger?: boolean;
}

export function allRoutes(modules: readonly ModuleManifest[]): RouteDef[] {
  return modules.flatMap((m) => m.routes ?? []);
}

export type App = FastifyInstance;

export async function buildApp(services: Services, opts: BuildOptions = {}): Promise<App> {
  const { config, domains } = services;
  await domains.refresh();
  const app = Fastify({
    // pino's Logger is what Fastify wants; its types disagree only on msgPrefix.
    loggerInstance: (opts.logger === false ? services.log.child({}, { level: 'silent' }) : services.log) as unknown as FastifyBaseLogger,
    genReqId: newRequestId,
    // Fastify's two lines per request at info would bury everything else (the demo's
    // sign-ins scroll away in seconds); one line per request at debug instead, below.
    logController: new LogController({ disableRequestLogging: true }),
    trustProxy: config.trustProxy,
    bodyLimit: 1024 * 1024,
    rewriteUrl: (req) => {
      domains.maybeRefresh();
      return rewriteForDomain(req.url ?? '/', domains.slugFor(req.headers.host));
    },
    routerOptions: { ignoreTrailingSlash: true },
  }).withTypeProvider<ZodTypeProvider>();

  // Every route must declare its access level. Routes added by plugins for static files
  // and the API docs are public by nature; anything else without one stops start-up.
  app.addHook('onRoute', (opts) => {
    const access = (opts.config as { access?: string } | undefined)?.access;
    const pluginOwned = /^\/(static|api\/v1\/docs)(\/|$)/.test(opts.url);
    if (!access && !pluginOwned) throw new Error(`Route ${String(opts.method)} ${opts.url} declares no access level`);
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);

  await app.register(cookie);
  await app.register(formbody, { bodyLimit: 256 * 1024 });
  // File uploads: one file, accepted only by routes that declare `upload` (their size and
  // type limits with it); fields land in req.body (so the CSRF check reads _csrf), the file
  // as { filename, data }. Routes may check narrower limits of their own (a document's types).
  await app.register(multipart, {
    attachFieldsToBody: 'keyValues',
    limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 20 },
    async onFile(part) {
      const limits = this.routeOptions.config.upload;
      if (!limits) throw badRequest();
      const data = await part.toBuffer();
      await checkUpload(limits, part.fieldname, data);
      (part as unknown as { value: unknown }).value = { filename: part.filename, data };
    },
  });
  const headers = securityHeaders(config);
  app.addHook('onRequest', async (_req, reply) => {
    reply.headers(headers);
  });
  await app.register(rateLimit, { global: false });
  await app.register(fastifyStatic, {
    root: path.join(ROOT, 'static'),
    prefix: '/static/',
    maxAge: '7d',
  });
  await app.register(fastifyStatic, {
    root: path.join(path.dirname(require.resolve('@fontsource/noto-sans-armenian/package.json')), 'files'),
    prefix: '/static/fonts/',
    decorateReply: false,
    maxAge: '365d',
    immutable: true,
  });
  await app.register(swagger, {
    openapi: {
      info: { title: 'Smart Municipality API', version: '1', description: 'JSON API of MMIS. Errors: { error: { code, message, fields } }.' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    },
    transform: jsonSchemaTransform,
    // Only the JSON API is documented; pages and forms are for browsers.
    hideUntagged: true,
  });
  await app.register(swaggerUi, { routePrefix: '/api/v1/docs', staticCSP: true });

  app.addHook('onRequest', createContext(services));
  // The access log, for debugging (a server error is logged by the error handler): only
  // hooked in when debug is on, so the default level pays nothing per request.
  if (services.log.isLevelEnabled('debug')) {
    app.addHook('onResponse', async (req, reply) => {
      req.log.debug({ method: req.method, url: req.url, statusCode: reply.statusCode, ms: Math.round(reply.elapsedTime) }, 'request');
    });
  }
  // Instance hooks run before each route's own preValidation (the guard), so no control
  // character reaches the CSRF check, the community lookup or a handler.
  app.addHook('preValidation', async (req) => {
    stripRequestControls(req);
    dropBlankQuery(req);
  });
  registerMetrics(app);

  for (const mod of services.modules) {
    for (const r of mod.routes ?? []) {
      const where = `${mod.name}: ${r.method} ${r.url}`;
      if (!r.access) throw new Error(`${where} declares no access level`);
      if (!r.kind) throw new Error(`${where} declares no kind`);
      services.permissions.assertAccess(r.access, where);
      if (r.upload && r.upload.maxBytes > MAX_UPLOAD_BYTES) throw new Error(`${where} accepts files larger than the platform's ${MAX_UPLOAD_BYTES} bytes`);
      const isApi = r.kind === 'api';
      app.route({
        method: r.method,
        url: r.url,
        config: {
          access: r.access,
          kind: r.kind,
          csrfExempt: r.csrfExempt ?? false,
          ...(r.upload ? { upload: r.upload } : {}),
          ...(r.rateLimit ? { rateLimit: r.rateLimit } : {}),
        },
        schema: {
          ...(r.schema ?? {}),
          ...(r.method === 'GET' ? { querystring: strictQuery(r.schema?.querystring) } : {}),
          ...(isApi ? { tags: r.schema?.tags ?? [mod.name] } : {}),
          ...(isApi && r.access !== 'public' ? { security: [{ bearer: [] }] } : {}),
        },
        // Before validation, so a refused caller learns nothing from validation errors.
        preValidation: guard(services, r.access, { csrfExempt: r.csrfExempt ?? false }),
        handler: r.handler,
      });
    }
  }

  app.setNotFoundHandler((req, reply) => sendError(req, reply, notFound()));

  return app;
}
