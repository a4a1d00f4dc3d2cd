// The payments demo for Sisian and Jermuk: each community connected to both stand-in
// gateways (`standin:`, started by the demo server on first use; fresh random secrets kept in
// the connection, never shown), and payments over the obligations the assessment demo
// charged (three tax years): about two payers in five pay in full (on time, cash at the desk
// or online), one in five pays part, the rest stay in debt and their penalties run. Which
// payer does what is fixed by the obligation's id, so re-seeding gives the same picture.
// Historical payments carry receipts for the most recent ones only (rendering a PDF for
// every past payment would slow seeding for nothing a demo visitor sees).
import type { Services } from '../platform/module/contract.ts';
import type { Executor } from '../platform/db/tenant.ts';
import { TenantDb } from '../platform/db/tenant.ts';
import type { AuditActor } from '../platform/audit/audit.ts';
import { newSecret } from '../platform/auth/tokens.ts';
import { todayInYerevan } from '../platform/i18n/index.ts';
import { seedPaymentsDemo } from '../modules/finance/payments/payments.demo.ts';

const COMMUNITIES = ['sisian', 'jermuk'] as const;

export async function seedFinancePaymentsDemo(services: Services, db: Executor, actor: AuditActor, communities: Map<string, number>, now = new Date()): Promise<void> {
  for (const slug of COMMUNITIES) {
    const id = communities.get(slug);
    if (id === undefined) continue;
    await seedPaymentsDemo(services, new TenantDb(db, id), actor, {
      slug, today: todayInYerevan(now), secrets: { idram: newSecret(18), vpos: newSecret(18) },
    });
  }
}
