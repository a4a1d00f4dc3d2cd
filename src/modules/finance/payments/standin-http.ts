// What the two stand-in gateways share: a loopback HTTP server, reading form and JSON
// bodies, a plain accessible page, and posting the signed callback to the merchant.
// Stand-ins are for tests and the demo only: nothing leaves the machine.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

const MAX_BODY = 64 * 1024;

export type Handler = (req: http.IncomingMessage, body: string, res: http.ServerResponse) => Promise<void>;

export interface LoopbackServer {
  url: string;
  close(): Promise<void>;
}

export async function readBody(req: http.IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY) throw new Error('too large');
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Form or JSON fields as strings. */
export function fieldsOf(req: http.IncomingMessage, body: string): Record<string, string> {
  if ((req.headers['content-type'] ?? '').includes('application/json')) {
    const json = JSON.parse(body || '{}') as Record<string, unknown>;
    return Object.fromEntries(Object.entries(json).map(([k, v]) => [k, String(v)]));
  }
  return Object.fromEntries(new URLSearchParams(body));
}

export function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

export function redirect(res: http.ServerResponse, location: string): void {
  res.writeHead(303, { location, 'cache-control': 'no-store' });
  res.end();
}

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The stand-in's payment page: what is paid, and Pay / Decline buttons (English: it plays a foreign site). */
export function sendPayPage(res: http.ServerResponse, p: { gateway: string; merchant: string; description: string; amountText: string; action: string; token: string }): void {
  const button = (decision: string, label: string) =>
    `<form method="post" action="${escape(p.action)}"><input type="hidden" name="token" value="${escape(p.token)}"><input type="hidden" name="decision" value="${decision}"><button type="submit">${label}</button></form>`;
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(p.gateway)}: payment</title><style>body{font-family:sans-serif;margin:1rem;max-width:30rem}button{font-size:1.1rem;padding:.6rem 1.2rem;margin:.3rem 0}dt{font-weight:bold}</style></head>
<body><main><h1>${escape(p.gateway)} (test stand-in)</h1><p>No real money moves on this page.</p>
<dl><dt>Merchant</dt><dd>${escape(p.merchant)}</dd><dt>For</dt><dd>${escape(p.description)}</dd><dt>Amount</dt><dd>${escape(p.amountText)}</dd></dl>
${button('pay', 'Pay')}${button('decline', 'Decline')}</main></body></html>`;
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  res.end(html);
}

export function sendText(res: http.ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
  res.end(text);
}

/** Posts the server callback as a form; returns the merchant's answer (Idram wants "OK"). */
export async function postCallback(url: string, fields: Record<string, string>): Promise<{ status: number; text: string }> {
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields),
      signal: AbortSignal.timeout(10_000),
    });
    return { status: res.status, text: (await res.text()).trim() };
  } catch (error) {
    return { status: 0, text: String(error) };
  }
}

export async function listen(handler: Handler, opts: { port?: number; host?: string } = {}): Promise<LoopbackServer> {
  const server = http.createServer((req, res) => {
    void (async () => {
      const body = req.method === 'POST' ? await readBody(req) : '';
      await handler(req, body, res);
    })().catch(() => sendJson(res, 500, { error: 'internal error' }));
  });
  const host = opts.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://${host}:${port}`,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
