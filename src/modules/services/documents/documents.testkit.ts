// For the documents tests: a service version and a case made directly in the tables (the
// case engine has its own tests), a registered resident to apply, and signed-in requests.
import crypto from 'node:crypto';
import { TenantDb } from '../../../platform/db/tenant.ts';
import type { Services } from '../../../platform/module/contract.ts';
import type { CommunityRow } from '../../../platform/http/context.ts';
import type { TestEnv } from '../../../../test/helpers.ts';
import { signInAs } from '../../../../test/session.ts';
import { serviceSpec, type OutputTemplate, type ServiceSpec } from '../catalogue/spec.ts';
import { standardWorkflow } from '../catalogue/workflows.ts';
import type { CaseRow } from './documents.content.ts';

export async function communityOf(services: Services, slug: string): Promise<{ community: CommunityRow; tenant: TenantDb }> {
  const community = await services.db.kysely.selectFrom('communities').selectAll().where('slug', '=', slug).executeTakeFirstOrThrow();
  return { community, tenant: new TenantDb(services.db.kysely, community.id) };
}

export function specFor(template: OutputTemplate, output: Partial<ServiceSpec['output']> = {}): ServiceSpec {
  return serviceSpec.parse({
    name: { hy: 'Ալկոհոլային խմիչքների վաճառքի թույլտվություն', en: 'Alcohol sale permit' },
    description: { hy: 'Փորձնական ծառայություն' },
    group: 'permits',
    applicants: ['person', 'organization'],
    channels: 'both',
    fields: [
      { key: 'shop_kind', label: { hy: 'Օբյեկտի տեսակ' }, type: 'select', options: [{ value: 'shop', label: { hy: 'Խանութ' } }, { value: 'cafe', label: { hy: 'Սրճարան' } }] },
      { key: 'area', label: { hy: 'Մակերես' }, type: 'number' },
      { key: 'opens_on', label: { hy: 'Բացման օր' }, type: 'date' },
    ],
    documents: [],
    fee: { kind: 'none' },
    deadline: { days: 3, unit: 'working' },
    workflow: standardWorkflow(),
    output: { template, ...output },
  });
}

/** A registered resident with a PSN who lives in a household of at least two. */
export async function registeredResident(tenant: TenantDb) {
  return tenant
    .selectFrom('residents')
    .select(['id', 'first_name', 'last_name', 'patronymic', 'public_service_number', 'birth_date', 'household_id'])
    .where('status', '=', 'registered')
    .where('public_service_number', 'is not', null)
    .where('household_id', 'in', (eb) =>
      eb.selectFrom('residents as m').select('m.household_id').where('m.community_id', '=', tenant.communityId).where('m.status', '=', 'registered')
        .groupBy('m.household_id').having((h) => h.fn.countAll(), '>=', 2),
    )
    .orderBy('id')
    .executeTakeFirstOrThrow();
}

export async function makeCase(
  tenant: TenantDb,
  spec: ServiceSpec,
  applicant: { psn: string | null; name: string; kind?: 'person' | 'organization'; taxId?: string },
  more: { form?: Record<string, unknown>; decision?: 'approved' | 'rejected'; reason?: string; locale?: string } = {},
): Promise<CaseRow> {
  const now = new Date().toISOString();
  const code = `test-${crypto.randomBytes(4).toString('hex')}`;
  const service = await tenant
    .insertInto('service_definitions', { code, template_code: null, group_code: spec.group, status: 'published', current_version_id: null, sort_order: 0, created_at: now, updated_at: now })
    .returning('id').executeTakeFirstOrThrow();
  const version = await tenant
    .insertInto('service_versions', { service_id: service.id, version: 1, spec: JSON.stringify(spec), created_at: now, created_by_user_id: null })
    .returning('id').executeTakeFirstOrThrow();
  const seq = 900000 + crypto.randomInt(99999);
  return tenant
    .insertInto('cases', {
      service_id: service.id, service_version_id: version.id, reg_number: `2026/${seq}`, reg_year: 2026, reg_seq: seq,
      state: more.decision ?? 'approved', channel: 'office', applicant_user_id: null, applicant_kind: applicant.kind ?? 'person',
      applicant_psn: applicant.psn, applicant_tax_id: applicant.taxId ?? null, applicant_name: applicant.name, applicant_email: null, applicant_phone: null,
      applicant_locale: more.locale ?? 'hy', settlement_id: null, form_data: JSON.stringify(more.form ?? {}), fee_amount: 0, fee_status: 'none',
      assignee_user_id: null, department: null, submitted_at: '2026-03-02T06:00:00.000Z', registered_at: now, due_date: null, state_due_date: null,
      state_entered_at: now, paused_at: null, decided_at: now, delivered_at: null, decision: more.decision ?? 'approved',
      decision_reason: more.reason ?? null, info_request: null, rating: null, rating_comment: null, rated_at: null, escalated_at: null,
      version: 1, created_at: now, updated_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function userId(services: Services, email: string): Promise<number> {
  return (await services.db.kysely.selectFrom('users').select('id').where('email', '=', email).executeTakeFirstOrThrow()).id;
}

export async function getAs(env: TestEnv, email: string | null, url: string, lang?: string) {
  const cookies: string[] = [];
  if (email) cookies.push((await signInAs(env.services, email)).cookie);
  if (lang) cookies.push(`mmis_lang=${lang}`);
  return env.app.inject({ method: 'GET', url, headers: cookies.length ? { cookie: cookies.join('; ') } : {} });
}

export async function postAs(env: TestEnv, email: string, url: string, fields: Record<string, string>) {
  const s = await signInAs(env.services, email);
  return env.app.inject({
    method: 'POST', url,
    headers: { cookie: s.cookie, 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ ...fields, _csrf: s.csrf }).toString(),
  });
}
