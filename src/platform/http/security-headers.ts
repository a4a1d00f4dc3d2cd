// Security headers (CSP, frame, referrer, nosniff …) chosen with helmet, computed once at
// start-up and copied onto every response. @fastify/helmet recomputed the policy on every
// request, which showed up in the profile of the busiest public page.
import type { IncomingMessage, ServerResponse } from 'node:http';
import helmet from 'helmet';
import type { Config } from '../../config.ts';

/** The origin of a tile URL template for img-src: "https://{s}.tile.example/{z}/…" → "https://*.tile.example". */
export function tileOrigin(tileUrl: string | null): string | null {
  const m = tileUrl ? /^(https:\/\/[^/]+)/.exec(tileUrl) : null;
  return m ? m[1]!.replace(/\{[a-z]+\}/g, '*') : null;
}

export function securityHeaders(config: Config): Record<string, string> {
  const tiles = tileOrigin(config.tileUrl);
  const middleware = helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // Community colours come in a small inline <style>; no inline scripts anywhere.
        styleSrc: ["'self'", "'unsafe-inline'"],
        // The property map's base-map tiles, when configured (MMIS_TILE_URL).
        imgSrc: ["'self'", 'data:', ...(tiles ? [tiles] : [])],
        scriptSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: config.secureCookies ? [] : null,
      },
    },
    hsts: config.secureCookies,
  });
  const headers: Record<string, string> = {};
  const recorder = {
    setHeader(name: string, value: string | number | readonly string[]) {
      headers[name] = Array.isArray(value) ? value.join(', ') : String(value);
    },
    removeHeader(name: string) {
      delete headers[name];
    },
  };
  // helmet's middleware is synchronous and only sets headers; the policy has no per-request parts (no nonces).
  middleware({} as IncomingMessage, recorder as unknown as ServerResponse, (err?: unknown) => {
    if (err) throw err;
  });
  if (!headers['Content-Security-Policy']) throw new Error('helmet did not produce a Content-Security-Policy');
  return Object.freeze(headers) as Record<string, string>;
}
