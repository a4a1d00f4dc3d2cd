// Test support: a small published service built from the standard workflow, and a
// CaseEnv for any demo account, so tests drive the engine exactly as the routes do.
import type { Services } from '../../platform/module/contract.ts';
import { TenantDb } from '../../platform/db/tenant.ts';
import { todayInYerevan } from '../../platform/i18n/index.ts';
import type { CommunityRole } from '../../platform/policy/roles.ts';
import type { CaseEnv } from './cases/case-env.ts';
import { standardWorkflow } from './catalogue/workflows.ts';
import type { ServiceSpec } from './catalogue/spec.ts';

export const TEST_SPEC: ServiceSpec = {
  name: { hy: 'Փորձնական տեղեկանք', en: 'Test certificate', ru: 'Тестовая справка' },
  description: { hy: 'Փորձարկման համար', en: 'For tests', ru: 'Для тестов' },
  group: 'certificates',
  applicants: ['person'],
  channels: 'both',
  fields: [
    { key: 'purpose', label: { hy: 'Նպատակը', en: 'Purpose', ru: 'Цель' }, type: 'text', required: true },
    { key: 'area', label: { hy: 'Մակերեսը (մ²)', en: 'Area (m²)', ru: 'Площадь (м²)' }, type: 'number', required: false, min: 0, max: 100000 },
  ],
  documents: [
    { key: 'passport', label: { hy: 'Անձնագիր', en: 'Passport', ru: 'Паспорт' }, required: false, types: ['pdf', 'jpeg', 'png'], maxMb: 5 },
  ],
  fee: { kind: 'fixed', amount: 1000 },
  deadline: { days: 5, unit: 'working' },
  workflow: standardWorkflow(),
  output: { template: 'none' },
};

/** Installs a published service with one version; returns its id and version id. */
export async function installTestService(services: Services, slug: string, spec: ServiceSpec = TEST_SPEC, code = 'test-certificate') {
  const db = services.db.kysely;
  const community = await db.selectFrom('communities').selectAll().where('slug', '=', slug).executeTakeFirstOrThrow();
  const tenant = new TenantDb(db, community.id);
  const now = new Date().toISOString();
  const def = await tenant.insertInto('service_definitions', {
    code, template_code: null, group_code: spec.group, status: 'published', current_version_id: null, sort_order: 0, created_at: now, updated_at: now,
  }).returning('id').executeTakeFirstOrThrow();
  const version = await tenant.insertInto('service_versions', {
    service_id: def.id, version: 1, spec: JSON.stringify(spec), created_at: now, created_by_user_id: null,
  }).returning('id').executeTakeFirstOrThrow();
  await tenant.updateTable('service_definitions').set({ current_version_id: version.id }).where('id', '=', def.id).execute();
  return { serviceId: def.id, versionId: version.id, community, tenant };
}

/** A CaseEnv acting as the demo account `email` in community `slug`, with its roles there. */
export async function envAs(services: Services, slug: string, email: string): Promise<CaseEnv> {
  const db = services.db.kysely;
  const community = await db.selectFrom('communities').selectAll().where('slug', '=', slug).executeTakeFirstOrThrow();
  const user = await db.selectFrom('users').select(['id', 'full_name']).where('email', '=', email).executeTakeFirstOrThrow();
  const roles = await db.selectFrom('role_assignments').select(['role', 'settlement_id'])
    .where('user_id', '=', user.id).where('community_id', '=', community.id).execute();
  // As authenticate.ts decides it: someone who is only a settlement head is limited to their settlements.
  const onlySettlementHead = roles.length > 0 && roles.every((r) => r.role === 'settlement_head');
  const settlements = roles.map((r) => r.settlement_id).filter((s): s is number => s !== null);
  return {
    services,
    community,
    tenant: new TenantDb(db, community.id),
    actor: {
      userId: user.id,
      roles: roles.map((r) => r.role as CommunityRole),
      settlementIds: onlySettlementHead ? settlements : null,
      audit: { userId: user.id, label: user.full_name, ip: null, requestId: null },
    },
  };
}

/** The registration number the next registration in this community gets (the demo may have registered cases already). */
export async function nextRegistrationNumber(tenant: TenantDb): Promise<string> {
  const year = todayInYerevan().slice(0, 4);
  const counter = await tenant.selectFrom('sequence_counters').select('last').where('name', '=', `case:${year}`).executeTakeFirst();
  return `${year}/${String((counter?.last ?? 0) + 1).padStart(6, '0')}`;
}
