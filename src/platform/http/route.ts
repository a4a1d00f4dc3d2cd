// How modules declare routes. Every route names its access level and kind; the app
// refuses to start otherwise. Handlers stay thin: parse, call a service, present.
import type { FastifyReply, FastifyRequest, HTTPMethods } from 'fastify';
import { z } from 'zod';
import type { Access } from '../policy/access.ts';
import type { TenantTable } from '../db/schema.ts';

export type RouteKind = 'page' | 'form' | 'api';

/** Limits of a file a route accepts (multipart). Files are refused on every other route. */
export interface UploadSpec {
  /** Largest accepted file, in bytes (at most the platform's 20 MB). */
  maxBytes: number;
  /** Accepted media types as sniffed from the content; empty means any. */
  types: readonly string[];
}


export interface RouteSchema {
  params?: z.ZodType;
  querystring?: z.ZodType;
  body?: z.ZodType;
  response?: Record<number, z.ZodType>;
  summary?: string;
  description?: string;
  tags?: string[];
}

type Infer<T> = T extends z.ZodType ? z.infer<T> : unknown;

export type TypedRequest<S extends RouteSchema> = FastifyRequest<{
  Params: Infer<S['params']>;
  Querystring: Infer<S['querystring']>;
  Body: Infer<S['body']>;
}>;

export interface RouteDef<S extends RouteSchema = RouteSchema> {
  method: Extract<HTTPMethods, 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'>;
  url: string;
  access: Access;
  /** page: HTML for GET; form: a POSTed HTML form that re-renders on error; api: JSON. */
  kind: RouteKind;
  schema?: S;
  /** Requests per minute per address, for routes that guess at secrets (sign-in, reset). */
  rateLimit?: { max: number; timeWindow: string };
  /** Leave the body out of CSRF checks (never for cookie-authenticated changes). */
  csrfExempt?: boolean;
  /**
   * For each `:param` that is a row id: the tenant table it points into. The tenant
   * isolation suite uses this to ask for another community's rows and expect 404.
   * (`audit_events` has a nullable community_id, so it is not a TenantTable, but its rows
   * belong to one community all the same.)
   */
  idParams?: Record<string, TenantTable | 'users' | 'audit_events'>;
  /** The route accepts one uploaded file (multipart) within these limits; no other route accepts one. */
  upload?: UploadSpec;
  handler: (req: TypedRequest<S>, reply: FastifyReply) => Promise<unknown>;
}

/** The same route, accepting one uploaded file within `limits`. */
export function withUpload(def: RouteDef, limits: UploadSpec): RouteDef {
  return { ...def, upload: limits };
}

/** Declares a route with its request types inferred from the zod schemas. */
export function route<S extends RouteSchema>(def: RouteDef<S>): RouteDef {
  return def as unknown as RouteDef;
}

/** The `:slug` of a community route (the hook has already resolved it to `ctx.community`). */
export const slugParams = z.object({ slug: z.string() });
