// A stand-in SMS gateway speaking the contract of sms.ts, for tests and the demo: it checks
// the bearer token and the body, answers { id }, and keeps the last messages in memory
// instead of sending them. It can be told to fail the next requests (503) to exercise
// retries. Not for production: nothing leaves the machine.
//   POST /messages             { to, text, sender } → 201 { id }
//   GET  /messages             → 200 [{ id, to, text, sender, receivedAt }] (newest last)
//   POST /control/fail-next    { count } → the next `count` POST /messages answer 503
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID, timingSafeEqual } from 'node:crypto';

export interface StoredSms {
  id: string;
  to: string;
  text: string;
  sender: string;
  receivedAt: string;
}

export interface SmsStandin {
  /** http://host:port — what SMS_GATEWAY_URL should be. */
  url: string;
  port: number;
  /** The messages received, oldest first (at most the last 500). */
  messages: StoredSms[];
  /** The next `count` sends answer 503. */
  failNext(count: number): void;
  close(): Promise<void>;
}

const KEEP = 500;
const MAX_BODY = 64 * 1024;
const MAX_TEXT = 1600;

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function answer(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

async function readJson(req: http.IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY) throw new Error('too large');
    chunks.push(chunk);
  }
  return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
}

/** What is wrong with a send request's body, or null. */
function problemOf(body: unknown): string | null {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return 'expected a JSON object';
  const { to, text, sender } = body as Record<string, unknown>;
  if (typeof to !== 'string' || !/^\+[1-9]\d{7,14}$/.test(to)) return 'to: expected an E.164 number such as +37491000001';
  if (typeof text !== 'string' || !text.trim() || text.length > MAX_TEXT) return `text: expected 1–${MAX_TEXT} characters`;
  if (typeof sender !== 'string' || !sender.trim() || sender.length > 15) return 'sender: expected 1–15 characters';
  return null;
}

export async function startSmsStandin(opts: { port?: number; host?: string; token: string }): Promise<SmsStandin> {
  if (!opts.token) throw new Error('the stand-in gateway needs a token');
  const messages: StoredSms[] = [];
  let failures = 0;

  const server = http.createServer((req, res) => {
    void (async () => {
      const auth = req.headers.authorization ?? '';
      if (!auth.startsWith('Bearer ') || !sameSecret(auth.slice(7), opts.token)) return answer(res, 401, { error: 'unauthorized' });
      const path = (req.url ?? '/').split('?')[0];
      if (path === '/messages' && req.method === 'GET') return answer(res, 200, messages);
      if (path === '/messages' && req.method === 'POST') {
        let body: unknown;
        try {
          body = await readJson(req);
        } catch {
          return answer(res, 400, { error: 'the body is not JSON (or is over 64 KB)' });
        }
        if (failures > 0) {
          failures--;
          return answer(res, 503, { error: 'unavailable (told to fail)' });
        }
        const problem = problemOf(body);
        if (problem) return answer(res, 400, { error: problem });
        const { to, text, sender } = body as StoredSms;
        const sms: StoredSms = { id: randomUUID(), to, text, sender, receivedAt: new Date().toISOString() };
        messages.push(sms);
        if (messages.length > KEEP) messages.splice(0, messages.length - KEEP);
        return answer(res, 201, { id: sms.id });
      }
      if (path === '/control/fail-next' && req.method === 'POST') {
        const count = (await readJson(req).catch(() => null) as { count?: unknown } | null)?.count;
        if (typeof count !== 'number' || !Number.isInteger(count) || count < 0 || count > 1000) return answer(res, 400, { error: 'count: expected an integer 0–1000' });
        failures = count;
        return answer(res, 200, { failNext: count });
      }
      return answer(res, 404, { error: 'not found' });
    })().catch(() => answer(res, 500, { error: 'internal error' }));
  });
  const host = opts.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    messages,
    failNext(count) {
      failures = count;
    },
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
