// The demo's community budgets: this year's for Sisian and Jermuk, with plausible lines in
// both parts, adopted by a council decision of last December, one or two amendments, and
// the expense execution of the months gone by as an imported Treasury report. Revenue
// execution is whatever the demo's payments credited in the ledger. Everything goes
// through the budget's own use-cases (the same paths the accountant's pages take).
import { TenantDb } from '../platform/db/tenant.ts';
import type { AuditActor } from '../platform/audit/audit.ts';
import type { Services } from '../platform/module/contract.ts';
import { adoptBudget, amendBudget, createBudget, importExecution, importPlan } from '../modules/finance/budget/budget.service.ts';
import { planLines } from '../modules/finance/budget/budget.report.ts';

type Row = [direction: 'revenue' | 'expense', part: 'administrative' | 'fund', functional: string, economic: string, name: string, millions: number];

const LINES: Row[] = [
  ['revenue', 'administrative', '', '1111', 'Գույքահարկ շենքերի և շինությունների համար', 95],
  ['revenue', 'administrative', '', '1112', 'Հողի հարկ', 40],
  ['revenue', 'administrative', '', '1121', 'Գույքահարկ փոխադրամիջոցների համար', 120],
  ['revenue', 'administrative', '', '11301', 'Շինարարության թույլտվության տեղական տուրք', 6],
  ['revenue', 'administrative', '', '1351', 'Տեղական վճարներ (աղբահանություն, մանկապարտեզ)', 55],
  ['revenue', 'administrative', '', '1333', 'Հողի վարձավճար', 25],
  ['revenue', 'administrative', '', '1251', 'Ֆինանսական համահարթեցման դոտացիա', 1450],
  ['revenue', 'fund', '', '2120', 'Ֆոնդային բյուջեի տարեսկզբի ազատ մնացորդ', 180],
  ['revenue', 'fund', '', '1392', 'Հատկացում վարչական մասից', 60],
  ['expense', 'administrative', '01.1.1', '4111', 'Աշխատակազմի աշխատավարձ', 600],
  ['expense', 'administrative', '01.1.1', '4212', 'Աշխատակազմի էներգետիկ ծառայություններ', 18],
  ['expense', 'administrative', '01.1.1', '4214', 'Կապի ծառայություններ', 6],
  ['expense', 'administrative', '04.5.1', '4251', 'Ճանապարհների ընթացիկ նորոգում', 80],
  ['expense', 'administrative', '05.1.1', '4239', 'Աղբահանություն և սանմաքրում', 110],
  ['expense', 'administrative', '06.4.1', '4212', 'Փողոցների լուսավորում', 35],
  ['expense', 'administrative', '09.1.1', '4511', 'Մանկապարտեզների սուբսիդիա', 520],
  ['expense', 'administrative', '08.2.3', '4511', 'Մշակույթի տան սուբսիդիա', 90],
  ['expense', 'administrative', '08.1.1', '4511', 'Մարզադպրոցի սուբսիդիա', 45],
  ['expense', 'administrative', '10.7.1', '4729', 'Սոցիալական աջակցություն', 40],
  ['expense', 'administrative', '11.1.1', '4891', 'Պահուստային ֆոնդ', 60],
  ['expense', 'fund', '04.5.1', '5113', 'Ճանապարհների կապիտալ վերանորոգում', 150],
  ['expense', 'fund', '09.1.1', '5113', 'Մանկապարտեզի շենքի վերանորոգում', 90],
  ['expense', 'fund', '06.4.1', '5122', 'Լուսավորության սարքավորումներ', 40],
  ['expense', 'fund', '06.2.1', '5134', 'Նախագծանախահաշվային աշխատանքներ', 10],
];

/** Sisian's figures; Jermuk's are 80 % of them (a smaller community). */
const SCALE: Record<string, number> = { sisian: 1, jermuk: 0.8 };

const csv = (rows: string[][]) => Buffer.from(rows.map((r) => r.map((c) => (/[",]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join('\n'));

/** A deterministic share (85–100 %) so the demo's execution looks uneven but repeats exactly. */
const share = (i: number, month: number) => 0.85 + (((i * 7 + month * 13) % 16) / 100);

export async function seedFinanceBudgetDemo(services: Services, actor: AuditActor, communities: Map<string, number>, now = new Date()): Promise<void> {
  const year = now.getUTCFullYear();
  for (const [slug, scale] of Object.entries(SCALE)) {
    const communityId = communities.get(slug);
    if (!communityId) continue;
    const tenant = new TenantDb(services.db.kysely, communityId);
    const budgetId = await createBudget(tenant, actor, year);
    const plan = LINES.map(([d, p, f, e, name, m]) => [d, p, f, e, name, String(Math.round(m * scale) * 1_000_000)]);
    await importPlan(tenant, actor, budgetId, csv([['direction', 'part', 'functional', 'economic', 'name', 'approved'], ...plan]));
    await adoptBudget(tenant, actor, budgetId, { number: slug === 'sisian' ? '112-Ն' : '87-Ն', date: `${year - 1}-12-24` });

    const lines = await planLines(tenant, budgetId);
    const find = (part: string, f: string, e: string) => lines.find((l) => l.part === part && l.functionalCode === f && l.economicCode === e)!.id!;
    const m = (n: number) => Math.round(n * scale) * 1_000_000;
    await amendBudget(tenant, actor, budgetId, { number: slug === 'sisian' ? '45-Ն' : '31-Ն', date: `${year}-06-20`, note: 'Ճանապարհների վերանորոգում պահուստային ֆոնդից' },
      new Map([[find('fund', '04.5.1', '5113'), m(30)], [find('administrative', '11.1.1', '4891'), -m(30)]]));
    if (slug === 'sisian') {
      await amendBudget(tenant, actor, budgetId, { number: '78-Ն', date: `${year}-10-15`, note: null },
        new Map([[find('administrative', '09.1.1', '4511'), m(12)], [find('administrative', '08.2.3', '4511'), -m(12)]]));
    }

    // The months before this one, as one Treasury report (the capital part runs behind the current one).
    const months = Array.from({ length: now.getUTCMonth() }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);
    if (!months.length) continue;
    const after = await planLines(tenant, budgetId);
    const rows = after.filter((l) => l.direction === 'expense').flatMap((l, i) => months.map((month, k) => [
      l.functionalCode, l.economicCode, l.part, month,
      String(Math.round(((l.adjusted / 12) * share(i, k) * (l.part === 'fund' ? 0.6 : 1)))),
    ]));
    await importExecution(tenant, actor, budgetId, `treasury-${slug}-${year}.csv`, csv([['functional', 'economic', 'part', 'period', 'executed'], ...rows]));
  }
}
