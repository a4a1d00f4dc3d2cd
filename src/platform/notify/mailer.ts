// Outgoing mail through SMTP (nodemailer). Without SMTP settings, mail is written to
// the log instead so a developer's machine still shows reset links.
import nodemailer from 'nodemailer';
import type { Logger } from 'pino';
import type { Config } from '../../config.ts';

export interface Mail {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  /** 'log' when SMTP is not configured: mail is written to the log, not sent. */
  readonly transport: 'smtp' | 'log';
  send(mail: Mail): Promise<void>;
  close(): void;
}

export function createMailer(config: Config, log: Logger): Mailer {
  if (!config.smtp) {
    return {
      transport: 'log',
      async send(mail) {
        log.warn({ mail }, 'SMTP_HOST is not set: mail written to the log instead of sent');
      },
      close() {},
    };
  }
  const s = config.smtp;
  const transport = nodemailer.createTransport({
    host: s.host,
    port: s.port,
    secure: s.secure,
    ...(s.user ? { auth: { user: s.user, pass: s.password ?? '' } } : {}),
    // Loopback and internal relays often have self-signed certificates.
    tls: { rejectUnauthorized: false },
  });
  return {
    transport: 'smtp',
    async send(mail) {
      await transport.sendMail({ from: s.from, to: mail.to, subject: mail.subject, text: mail.text });
    },
    close() {
      transport.close();
    },
  };
}
