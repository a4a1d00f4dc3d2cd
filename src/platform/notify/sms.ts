// The SMS gateway client. The contract (docs/operations.md "SMS gateway"):
//   POST {url}/messages   Authorization: Bearer {token}
//   { "to": "+374…", "text": "…", "sender": "MMIS" }
//   2xx with { "id": "…" }  accepted
//   4xx                     refused for good (bad number, bad token): not retried
//   408, 429, 5xx, network  try again later
// Without a gateway URL, messages are written to the log (like mail without SMTP).
import type { Logger } from 'pino';

export interface Sms {
  /** E.164, "+374XXXXXXXX". */
  to: string;
  text: string;
}

export interface SmsGatewaySettings {
  url: string | null;
  token: string | null;
  sender: string;
}

/** A failed send; `permanent` means trying again cannot help. */
export class SmsError extends Error {
  constructor(message: string, readonly permanent: boolean) {
    super(message);
    this.name = 'SmsError';
  }
}

export interface SmsGateway {
  /** 'log' when no gateway is configured. */
  readonly transport: 'http' | 'log';
  /** Resolves with the gateway's message id (null when logged); throws SmsError. */
  send(sms: Sms): Promise<{ id: string | null }>;
}

const TIMEOUT_MS = 10_000;

/** Statuses in 4xx that mean "not now" rather than "never". */
const RETRYABLE_4XX = new Set([408, 425, 429]);

export function createSmsGateway(settings: SmsGatewaySettings, log: Logger): SmsGateway {
  const { url, token, sender } = settings;
  if (!url) {
    return {
      transport: 'log',
      async send(sms) {
        log.warn({ sms }, 'SMS_GATEWAY_URL is not set: SMS written to the log instead of sent');
        return { id: null };
      },
    };
  }
  const endpoint = `${url.replace(/\/$/, '')}/messages`;
  return {
    transport: 'http',
    async send(sms) {
      let res: Response;
      try {
        res = await fetch(endpoint, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
          body: JSON.stringify({ to: sms.to, text: sms.text, sender }),
          signal: AbortSignal.timeout(TIMEOUT_MS),
        });
      } catch (err) {
        throw new SmsError(`SMS gateway unreachable: ${err instanceof Error ? err.message : String(err)}`, false);
      }
      const body = await res.text().catch(() => '');
      if (res.ok) {
        let id: unknown;
        try {
          id = (JSON.parse(body) as { id?: unknown }).id;
        } catch {
          id = undefined;
        }
        if ((typeof id === 'string' && id) || typeof id === 'number') return { id: String(id) };
        throw new SmsError(`SMS gateway answered ${res.status} without a message id`, false);
      }
      const permanent = res.status >= 400 && res.status < 500 && !RETRYABLE_4XX.has(res.status);
      throw new SmsError(`SMS gateway answered ${res.status}: ${body.slice(0, 200)}`, permanent);
    },
  };
}
