// The only reader of process.env. Every setting is validated here, documented in
// docs/configuration.md, and frozen; an invalid value stops start-up with a message
// that names the variable and what it expects.
import path from 'node:path';
import { z } from 'zod';

const booleanFlag = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no', 'on', 'off'], {
    error: 'expected one of 1, 0, true, false, yes, no, on, off',
  })
  .transform((v) => ['1', 'true', 'yes', 'on'].includes(v));

const envSchema = z.object({
  PORT: z.coerce.number({ error: 'expected a port number' }).int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_URL: z
    .string()
    .default('file:./data/mmis.sqlite')
    .refine((v) => /^(file:|postgres:\/\/|postgresql:\/\/)/.test(v), {
      message: 'expected file:<path> for SQLite or postgres://… for PostgreSQL',
    }),
  MMIS_DEMO: booleanFlag.optional(),
  MMIS_DEMO_PASSWORD: z.string().min(8, 'must be at least 8 characters').optional(),
  MMIS_PUBLIC_URL: z.url({ error: 'expected an absolute URL such as https://mmis.example.am' }).optional(),
  MMIS_FILES_DIR: z.string().min(1).default('./data/files'),
  MMIS_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  MMIS_TRUST_PROXY: booleanFlag.default(false),
  MMIS_TILE_URL: z
    .string()
    .regex(/^https:\/\/[^/\s]+\/\S*\{z\}\S*$/, 'expected an https:// tile URL template with {z}, {x} and {y}, such as https://tile.openstreetmap.org/{z}/{x}/{y}.png')
    .optional(),
  SMTP_HOST: z.string().min(1).optional(),
  SMTP_PORT: z.coerce.number().int().min(1).max(65535).default(587),
  SMTP_SECURE: booleanFlag.default(false),
  SMTP_USER: z.string().optional(),
  SMTP_PASSWORD: z.string().optional(),
  SMTP_FROM: z.string().min(3).default('MMIS <no-reply@localhost>'),
  MMIS_WORKER: z.enum(['in-process', 'off'], { error: 'expected in-process or off' }).default('in-process'),
  SMS_GATEWAY_URL: z.url({ protocol: /^https?$/, error: 'expected the http(s) address of the SMS gateway, such as https://sms.example.am/v1' }).optional(),
  SMS_GATEWAY_TOKEN: z.string().min(1).optional(),
  SMS_SENDER: z.string().regex(/^([A-Za-z0-9 ._-]{1,11}|\+?\d{3,15})$/, 'expected a sender name of at most 11 Latin letters or digits, or a phone number').default('MMIS'),
});

export type DatabaseTarget =
  | { engine: 'sqlite'; file: string }
  | { engine: 'postgres'; url: string };

export interface Config {
  port: number;
  host: string;
  database: DatabaseTarget;
  /** Seed the demo into an empty database at start-up. */
  demo: boolean;
  demoPassword: string | undefined;
  publicUrl: string;
  /** Cookies get the Secure flag when the public URL is https. */
  secureCookies: boolean;
  filesDir: string;
  logLevel: string;
  trustProxy: boolean;
  /** Base-map tiles for the property map (Leaflet URL template); null: no tiles, points only. */
  tileUrl: string | null;
  smtp: { host: string; port: number; secure: boolean; user?: string; password?: string; from: string } | null;
  mailFrom: string;
  /** Whether `mmis start` runs the background job runner in its own process (off: separate `mmis worker` processes do). */
  worker: 'in-process' | 'off';
  /** The SMS gateway (docs/operations.md "SMS gateway"); without a URL, SMS messages are written to the log. */
  sms: { url: string | null; token: string | null; sender: string };
}

export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

export function parseDatabaseUrl(url: string): DatabaseTarget {
  if (url.startsWith('file:')) {
    const file = url.slice('file:'.length);
    return { engine: 'sqlite', file: file === ':memory:' ? file : path.resolve(file) };
  }
  return { engine: 'postgres', url };
}

/** Reads and validates the environment. `demoDefault` is what `npm start` passes. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, opts: { demoDefault?: boolean } = {}): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  const e = parsed.data;
  const publicUrl = (e.MMIS_PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, '');
  const config: Config = {
    port: e.PORT,
    host: e.HOST,
    database: parseDatabaseUrl(e.DATABASE_URL),
    demo: e.MMIS_DEMO ?? opts.demoDefault ?? false,
    demoPassword: e.MMIS_DEMO_PASSWORD,
    publicUrl,
    secureCookies: publicUrl.startsWith('https://'),
    filesDir: path.resolve(e.MMIS_FILES_DIR),
    logLevel: e.MMIS_LOG_LEVEL,
    trustProxy: e.MMIS_TRUST_PROXY,
    tileUrl: e.MMIS_TILE_URL ?? null,
    smtp: e.SMTP_HOST
      ? {
          host: e.SMTP_HOST,
          port: e.SMTP_PORT,
          secure: e.SMTP_SECURE,
          ...(e.SMTP_USER ? { user: e.SMTP_USER } : {}),
          ...(e.SMTP_PASSWORD ? { password: e.SMTP_PASSWORD } : {}),
          from: e.SMTP_FROM,
        }
      : null,
    mailFrom: e.SMTP_FROM,
    worker: e.MMIS_WORKER,
    sms: { url: e.SMS_GATEWAY_URL?.replace(/\/$/, '') ?? null, token: e.SMS_GATEWAY_TOKEN ?? null, sender: e.SMS_SENDER },
  };
  return Object.freeze(config);
}
