// Pages of the staff & roles section (the dashboard is dashboard.views.tsx).
import type { Ctx } from '../../platform/http/context.ts';
import type { MessageKey } from '../../platform/i18n/index.ts';
import { localized } from '../../platform/i18n/index.ts';
import { COMMUNITY_ROLES, type CommunityRole } from '../../platform/policy/roles.ts';
import { StaffLayout } from '../../platform/ui/staff-layout.tsx';
import {
  Button, CsrfField, ErrorSummary, Notice, Select, SummaryList, Table, Tag, TextInput,
  type FormState, type Option, type SortState, type Tone,
} from '../../platform/ui/components.tsx';
import type { StaffAssignment, StaffMember } from './backoffice.queries.ts';

export const ROLE_LABELS: Record<CommunityRole, MessageKey> = {
  head: 'backoffice.role.head',
  deputy_head: 'backoffice.role.deputy_head',
  chief_of_staff: 'backoffice.role.chief_of_staff',
  specialist: 'backoffice.role.specialist',
  operator: 'backoffice.role.operator',
  settlement_head: 'backoffice.role.settlement_head',
  council_member: 'backoffice.role.council_member',
  accountant: 'backoffice.role.accountant',
  it_admin: 'backoffice.role.it_admin',
};

export const ROLE_TONES: Partial<Record<CommunityRole, Tone>> = {
  head: 'purple',
  deputy_head: 'purple',
  chief_of_staff: 'blue',
  it_admin: 'red',
  settlement_head: 'green',
  council_member: 'yellow',
};

export function roleLabel(ctx: Ctx, role: string): string {
  const key = ROLE_LABELS[role as CommunityRole];
  return key ? ctx.t(key) : role;
}

const NOTICES: Record<string, MessageKey> = {
  added: 'backoffice.notice.added',
  granted: 'backoffice.notice.granted',
  revoked: 'backoffice.notice.revoked',
};

function RoleTag({ ctx, a }: { ctx: Ctx; a: StaffAssignment }) {
  return (
    <Tag tone={ROLE_TONES[a.role as CommunityRole] ?? 'grey'}>
      {roleLabel(ctx, a.role)}
      {a.settlement ? ` · ${localized(a.settlement, 'name', ctx.locale)}` : ''}
    </Tag>
  );
}

function roleOptions(ctx: Ctx): Option[] {
  return COMMUNITY_ROLES.map((r) => ({ value: r, label: roleLabel(ctx, r) }));
}

export interface SettlementOption {
  id: number;
  name_hy: string;
  name_en: string;
  name_ru: string;
}

const roleLabels = (t: Ctx['t']) => ({ role: t('backoffice.people.role'), settlement_id: t('backoffice.people.settlement') });

function RoleFields({ ctx, form, settlements }: { ctx: Ctx; form: FormState; settlements: SettlementOption[] }) {
  const { t } = ctx;
  const labels = roleLabels(t);
  return (
    <>
      <Select form={form} name="role" label={labels.role} options={roleOptions(ctx)} placeholder={t('ui.choose')} required />
      <Select
        form={form}
        name="settlement_id"
        label={labels.settlement_id}
        hint={t('backoffice.people.settlementHint')}
        options={settlements.map((s) => ({ value: String(s.id), label: localized(s, 'name', ctx.locale) }))}
        placeholder="—"
        optional
      />
    </>
  );
}

export interface PeoplePageProps {
  ctx: Ctx;
  staff: StaffMember[];
  settlements: SettlementOption[];
  canManage: boolean;
  sort: SortState;
  query: Record<string, unknown>;
  form?: FormState;
}

export function PeoplePage({ ctx, staff, settlements, canManage, sort, query, form }: PeoplePageProps) {
  const { t } = ctx;
  const c = ctx.requireCommunity();
  const path = `/${c.slug}/staff/people`;
  const done = typeof query.done === 'string' ? NOTICES[query.done] : undefined;
  const addForm = form ?? { t };
  const addFormLabels = { email: t('backoffice.people.email'), full_name: t('backoffice.people.name'), ...roleLabels(t) };
  return (
    <StaffLayout ctx={ctx} title={t('backoffice.people.title')} path={path} crumbs={[{ label: t('backoffice.people.title') }]}>
      {done && <Notice title={t(done)} />}
      <h1>{t('backoffice.people.title')}</h1>
      <Table
        t={t}
        caption={t('backoffice.people.caption', { count: staff.length })}
        path={path}
        query={query}
        sort={sort}
        rows={staff}
        columns={[
          { key: 'name', label: t('backoffice.people.name'), sortable: true, render: (m) => <a href={`${path}/${m.userId}`}>{m.fullName}</a> },
          { key: 'email', label: t('backoffice.people.email'), sortable: true, render: (m) => m.email ?? '—' },
          {
            key: 'roles',
            label: t('backoffice.people.roles'),
            render: (m) => m.assignments.map((a) => <RoleTag ctx={ctx} a={a} />),
          },
          {
            key: 'account',
            label: t('backoffice.people.account'),
            render: (m) => (m.hasPassword ? <Tag tone="green">{t('backoffice.people.active')}</Tag> : <Tag tone="yellow">{t('backoffice.people.noPassword')}</Tag>),
          },
        ]}
      />
      {canManage && (
        <section aria-labelledby="add-staff">
          <h2 id="add-staff">{t('backoffice.people.addTitle')}</h2>
          <p class="hint">{t('backoffice.people.addHint')}</p>
          <ErrorSummary form={addForm} labels={addFormLabels} />
          <form method="post" action={path} novalidate>
            <CsrfField token={ctx.csrfToken} />
            <TextInput form={addForm} name="email" type="email" label={addFormLabels.email} autocomplete="off" spellcheck={false} width="m" required />
            <TextInput form={addForm} name="full_name" label={addFormLabels.full_name} hint={t('backoffice.people.nameHint')} required />
            <RoleFields ctx={ctx} form={addForm} settlements={settlements} />
            <Button>{t('backoffice.people.addSubmit')}</Button>
          </form>
        </section>
      )}
    </StaffLayout>
  );
}

export interface PersonPageProps {
  ctx: Ctx;
  member: StaffMember;
  settlements: SettlementOption[];
  canManage: boolean;
  query: Record<string, unknown>;
  form?: FormState;
}

export function PersonPage({ ctx, member, settlements, canManage, query, form }: PersonPageProps) {
  const { t } = ctx;
  const c = ctx.requireCommunity();
  const path = `/${c.slug}/staff/people/${member.userId}`;
  const done = typeof query.done === 'string' ? NOTICES[query.done] : undefined;
  const grantForm = form ?? { t };
  const formError = grantForm.errors?._form;
  const self = ctx.actor?.userId === member.userId;
  return (
    <StaffLayout
      ctx={ctx}
      title={member.fullName}
      path={path}
      crumbs={[{ href: `/${c.slug}/staff/people`, label: t('backoffice.people.title') }, { label: member.fullName }]}
    >
      {done && <Notice title={t(done)} />}
      {formError && <Notice tone="warning" title={t(formError)} />}
      <h1>{member.fullName}</h1>
      <SummaryList
        rows={[
          { key: t('backoffice.people.email'), value: member.email ?? '—' },
          {
            key: t('backoffice.people.account'),
            value: member.hasPassword ? <Tag tone="green">{t('backoffice.people.active')}</Tag> : <Tag tone="yellow">{t('backoffice.people.noPassword')}</Tag>,
          },
        ]}
      />
      <h2>{t('backoffice.people.roles')}</h2>
      <ul class="role-list">
        {member.assignments.map((a) => (
          <li>
            <RoleTag ctx={ctx} a={a} />
            {canManage && !(self && a.role === 'it_admin') && (
              <form class="inline-form" method="post" action={`${path}/roles/${a.assignmentId}/delete`}>
                <CsrfField token={ctx.csrfToken} />
                <button type="submit" class="button button-warning button-small">
                  {t('backoffice.people.revoke')}
                  <span class="visually-hidden"> {roleLabel(ctx, a.role)}</span>
                </button>
              </form>
            )}
          </li>
        ))}
      </ul>
      {canManage && (
        <section aria-labelledby="grant-role">
          <h2 id="grant-role">{t('backoffice.people.grantTitle')}</h2>
          <ErrorSummary form={{ ...grantForm, errors: Object.fromEntries(Object.entries(grantForm.errors ?? {}).filter(([k]) => k !== '_form')) }} labels={roleLabels(t)} />
          <form method="post" action={`${path}/roles`} novalidate>
            <CsrfField token={ctx.csrfToken} />
            <RoleFields ctx={ctx} form={grantForm} settlements={settlements} />
            <Button>{t('backoffice.people.grantSubmit')}</Button>
          </form>
        </section>
      )}
    </StaffLayout>
  );
}
