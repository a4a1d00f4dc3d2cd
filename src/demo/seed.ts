// `mmis seed demo`: fills an empty database with the demo communities, staff for every
// role and a few citizens. Refuses to run twice so it never mixes with real data.
import type { Services } from '../platform/module/contract.ts';
import { createCommunity } from '../modules/communities/index.ts';
import { hashPassword } from '../platform/auth/passwords.ts';
import { SYSTEM_ACTOR, appendAudit } from '../platform/audit/audit.ts';
import { unscoped } from '../platform/db/tenant.ts';
import { seedRegistryDemo } from './registry-demo.ts';
import { installTemplates } from '../modules/services/catalogue/catalogue.ts';
import { seedQueueDemo } from './queue-demo.ts';
import { seedServicesDemo } from './services-demo.ts';
import { seedFinanceBudgetDemo } from './finance-budget-demo.ts';
import { seedFinanceAssessmentDemo } from './finance-assessment-demo.ts';
import { seedFinancePaymentsDemo } from './finance-payments-demo.ts';
import { seedStatementsDemo } from '../modules/finance/statements/statements.demo.ts';
import { seedFinanceDutiesDemo } from './finance-duties-demo.ts';
import { seedWebsiteDemo } from './website-demo.ts';
import { seedDocumentsDemo } from '../modules/documents/journal/journal.demo.ts';
import { DEFAULT_DEMO_PASSWORD, DEMO_CITIZENS, DEMO_COMMUNITIES, DEMO_STAFF } from './demo-data.ts';

export async function isEmpty(services: Services): Promise<boolean> {
  const row = await unscoped(services.db.kysely, 'counting tenants').selectFrom('communities').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n) === 0;
}

export function demoPassword(services: Services): string {
  return services.config.demoPassword ?? DEFAULT_DEMO_PASSWORD;
}

/** `now`: the moment the demo's past ends (its cases, queue tickets and accounts lie before it). */
export async function seedDemo(services: Services, now = new Date()): Promise<void> {
  if (!(await isEmpty(services))) throw new Error('The database already has communities; the demo is only seeded into an empty one.');
  const db = services.db.kysely;
  const actor = { ...SYSTEM_ACTOR, label: 'demo seed' };
  const communities = new Map<string, number>();
  for (const c of DEMO_COMMUNITIES) communities.set(c.slug, (await createCommunity(db, actor, c)).id);
  await seedRegistryDemo(db, actor, communities);
  // Every demo community offers the shipped service catalogue.
  for (const id of communities.values()) await db.transaction().execute((tx) => installTemplates(tx, actor, id));

  const passwordHash = await hashPassword(demoPassword(services));
  const created = now.toISOString();
  await db.transaction().execute(async (tx) => {
    const global = unscoped(tx, 'accounts are national');
    for (const s of DEMO_STAFF) {
      const user = await global
        .insertInto('users')
        .values({ email: s.email, phone: null, password_hash: passwordHash, full_name: s.fullName, locale: 'hy', is_staff: 1, totp_enabled: 0, failed_logins: 0, disabled: 0, created_at: created, updated_at: created })
        .returning('id')
        .executeTakeFirstOrThrow();
      if (s.national) {
        await global.insertInto('national_roles').values({ user_id: user.id, role: s.national, created_at: created }).execute();
        await appendAudit(tx, actor, { communityId: null, action: 'role.grant', entityType: 'user', entityId: user.id, after: { role: s.national } });
      }
      if (s.community && s.role) {
        const communityId = communities.get(s.community)!;
        const settlement = s.settlement
          ? await global.selectFrom('settlements').select('id').where('community_id', '=', communityId).where('name_en', '=', s.settlement).executeTakeFirstOrThrow()
          : null;
        await global
          .insertInto('role_assignments')
          .values({ community_id: communityId, user_id: user.id, role: s.role, settlement_id: settlement?.id ?? null, created_at: created })
          .execute();
        await appendAudit(tx, actor, { communityId, action: 'role.grant', entityType: 'user', entityId: user.id, after: { role: s.role, settlementId: settlement?.id ?? null } });
      }
    }
    for (const c of DEMO_CITIZENS) {
      await global
        .insertInto('users')
        .values({ email: c.email, phone: c.phone, password_hash: passwordHash, full_name: c.fullName, locale: 'hy', is_staff: 0, totp_enabled: 0, failed_logins: 0, disabled: 0, created_at: created, updated_at: created })
        .execute();
    }
  });
  // After the staff: the queue's past tickets name the operators who served them.
  await seedQueueDemo(db, actor, communities, now);
  // A year of cases in every state, so the inbox, the portal and the performance page have data.
  await seedServicesDemo(services, db, actor, communities, now);
  // Finance, in the order money flows: this year's duty and fee rates and their accruals,
  // three years of tax assessments, payments (online, cash) on part of them, a bank
  // statement waiting to be matched, and the budget whose revenue execution reads those payments.
  await seedFinanceDutiesDemo(db, actor, communities, now);
  await seedFinanceAssessmentDemo(db, actor, communities, now);
  await seedFinancePaymentsDemo(services, db, actor, communities, now);
  await seedStatementsDemo(db, actor, communities);
  await seedFinanceBudgetDemo(services, actor, communities, now);
  // Last: the websites show what the other modules publish.
  await seedWebsiteDemo(db, services.config.filesDir, communities, now);
  await seedDocumentsDemo(db, actor, communities, now);
}

/** What `npm start` prints in demo mode so a newcomer can sign in at once. */
export function demoSignIns(services: Services): string {
  const password = demoPassword(services);
  const base = services.config.publicUrl;
  const lines = [
    '',
    'Demo sign-ins (demo mode only):',
    ...DEMO_STAFF.map((s) => `  ${s.email.padEnd(28)} ${(s.national ?? `${s.role} @ ${s.community}`).padEnd(28)} ${password}`),
    ...DEMO_CITIZENS.map((c) => `  ${(c.email ?? c.phone).padEnd(28)} ${'citizen'.padEnd(28)} ${password}`),
    '',
    `  Sign in at ${base}/signin · Sisian: ${base}/sisian · Jermuk: ${base}/jermuk`,
    '',
  ];
  return lines.join('\n');
}
