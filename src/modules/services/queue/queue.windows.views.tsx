// Setting up the service windows (chief of staff, IT administrator): the list with a form
// to add one, and the page that changes the groups a window calls or closes it.
import type { Ctx } from '../../../platform/http/context.ts';
import type { MessageKey } from '../../../platform/i18n/index.ts';
import { localized } from '../../../platform/i18n/index.ts';
import { StaffLayout } from '../../../platform/ui/staff-layout.tsx';
import { Button, Checkboxes, CsrfField, ErrorSummary, Notice, Select, Table, Tag, TextInput, type FormState } from '../../../platform/ui/components.tsx';
import { CENTRAL, GROUP_LETTERS, SERVICE_GROUPS, groupName, officeName } from './queue.groups.ts';
import { windowOffice, type WindowRow } from './queue.queries.ts';
import { groupList, queueBase } from './queue.operator.views.tsx';

export interface SettlementOption {
  id: number;
  name_hy: string;
  name_en: string;
  name_ru: string;
}

const NOTICES: Record<string, MessageKey> = { created: 'queue.windows.created', saved: 'queue.windows.saved' };

const groupItems = (ctx: Ctx) => SERVICE_GROUPS.map((g) => ({ value: g, label: `${GROUP_LETTERS[g]} — ${groupName(ctx.t, g)}` }));

export interface WindowsFormState {
  form: FormState;
  /** The groups ticked (the posted ones after an error). */
  checked: string[];
}

export function ManageWindowsPage({ ctx, windows, settlements, state, done }: { ctx: Ctx; windows: WindowRow[]; settlements: SettlementOption[]; state: WindowsFormState; done?: string }) {
  const { t } = ctx;
  const base = queueBase(ctx);
  const title = t('queue.windows.title');
  const notice = done ? NOTICES[done] : undefined;
  const offices = [
    { value: CENTRAL, label: t('queue.office.central') },
    ...settlements.map((s) => ({ value: String(s.id), label: t('queue.office.settlement', { name: localized(s, 'name', ctx.locale) }) })),
  ];
  const labels = { office: t('queue.office'), label: t('queue.windows.label'), groups: t('queue.groups') };
  return (
    <StaffLayout ctx={ctx} title={title} path={`${base}/windows`} crumbs={[{ href: base, label: t('queue.staff.title') }, { label: title }]}>
      {notice && <Notice title={t(notice)} />}
      <h1>{title}</h1>
      <Table
        t={t}
        caption={t('queue.staff.windows')}
        captionHidden
        rows={windows}
        empty={t('queue.staff.noWindows')}
        columns={[
          { key: 'label', label: t('queue.window'), render: (w) => w.label },
          { key: 'office', label: t('queue.office'), render: (w) => officeName(t, windowOffice(w, ctx.locale)) },
          { key: 'groups', label: t('queue.groups'), render: (w) => groupList(ctx, w.groups) },
          { key: 'state', label: t('queue.windows.state'), render: (w) => (w.active ? t('queue.windows.open') : <Tag>{t('queue.windows.closed')}</Tag>) },
          {
            key: 'edit',
            label: t('queue.windows.actions'),
            render: (w) => (
              <a href={`${base}/windows/${w.id}/edit`}>
                {t('queue.windows.edit')}<span class="visually-hidden"> {t('queue.display.window', { window: w.label })}, {officeName(t, windowOffice(w, ctx.locale))}</span>
              </a>
            ),
          },
        ]}
      />
      <h2 id="new-window">{t('queue.windows.new')}</h2>
      <ErrorSummary form={state.form} labels={labels} />
      <form method="post" action={`${base}/windows`} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <Select form={state.form} name="office" label={labels.office} options={offices} required />
        <TextInput form={state.form} name="label" label={labels.label} hint={t('queue.windows.labelHint')} width="s" required />
        <Checkboxes form={state.form} name="groups" label={labels.groups} hint={t('queue.windows.groupsHint')} items={groupItems(ctx)} checked={state.checked} />
        <Button>{t('queue.windows.add')}</Button>
      </form>
    </StaffLayout>
  );
}

export function EditWindowPage({ ctx, window, state, active }: { ctx: Ctx; window: WindowRow; state: WindowsFormState; active: boolean }) {
  const { t } = ctx;
  const base = queueBase(ctx);
  const name = `${t('queue.display.window', { window: window.label })} — ${officeName(t, windowOffice(window, ctx.locale))}`;
  const title = t('queue.windows.editTitle', { window: name });
  const labels = { groups: t('queue.groups'), active: t('queue.windows.state') };
  return (
    <StaffLayout
      ctx={ctx}
      title={title}
      path={`${base}/windows/${window.id}/edit`}
      crumbs={[{ href: base, label: t('queue.staff.title') }, { href: `${base}/windows`, label: t('queue.windows.title') }, { label: name }]}
    >
      <h1>{title}</h1>
      <ErrorSummary form={state.form} labels={labels} />
      <form method="post" action={`${base}/windows/${window.id}`} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <Checkboxes form={state.form} name="groups" label={labels.groups} hint={t('queue.windows.groupsHint')} items={groupItems(ctx)} checked={state.checked} />
        <Checkboxes form={state.form} name="active" label={labels.active} items={[{ value: '1', label: t('queue.windows.activeLabel') }]} checked={active ? ['1'] : []} />
        <Button>{t('action.save')}</Button>
      </form>
    </StaffLayout>
  );
}
