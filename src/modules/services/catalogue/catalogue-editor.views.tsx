// The IT administrator's editor of one service: texts in three languages, who may apply,
// channels, fee, deadline, the roles allowed to take each workflow action and the days
// allowed per state, the output document, and the JSON of fields, documents and workflow.
// One form; saving it makes a new version. Works without JavaScript.
import type { Ctx } from '../../../platform/http/context.ts';
import type { FieldErrors } from '../../../platform/http/errors.ts';
import type { MessageKey } from '../../../platform/i18n/index.ts';
import { StaffLayout } from '../../../platform/ui/staff-layout.tsx';
import {
  Button, Checkboxes, CsrfField, ErrorSummary, Field, Notice, Select, TextInput, Textarea, fieldId, type FormState,
} from '../../../platform/ui/components.tsx';
import { ACTOR_ROLES, OUTPUT_TEMPLATES, SERVICE_GROUPS, type ActorRole } from './spec.ts';
import { formatPath, type SpecIssue } from './catalogue.validate.ts';
import type { EditorForm } from './catalogue-editor.form.ts';
import { groupLabel } from './catalogue.display.ts';
import type { ServiceDefinitionRow } from './catalogue.queries.ts';
import { DoneNotice, StatusTag } from './catalogue-admin.views.tsx';

const LANGS = ['hy', 'en', 'ru'] as const;

export function roleLabel(ctx: Ctx, role: ActorRole): string {
  return role === 'applicant' ? ctx.t('services.catalogue.role.applicant') : ctx.t(`backoffice.role.${role}` as MessageKey);
}

export interface EditorProps {
  ctx: Ctx;
  service: ServiceDefinitionRow;
  /** Name in the reader's language, for the title. */
  name: string;
  form: EditorForm;
  errors?: FieldErrors;
  issues?: SpecIssue[];
  /** Set when the save was refused because someone saved meanwhile: the version now current. */
  conflictWith?: number;
  done?: string;
}

const textLabel = (t: Ctx['t'], label: MessageKey, l: (typeof LANGS)[number]) => `${t(label)} (${t(`services.catalogue.lang.${l}`)})`;

const TEXTS: [string, MessageKey][] = [
  ['name', 'services.catalogue.editor.name'], ['description', 'services.catalogue.editor.description'],
  ['output_title', 'services.catalogue.editor.outputTitle'], ['output_body', 'services.catalogue.editor.outputBody'],
];

/** The label of every field of the editor, for its error summary. */
function editorLabels(t: Ctx['t'], editor: EditorForm) {
  return {
    ...Object.fromEntries(TEXTS.flatMap(([prefix, label]) => LANGS.map((l) => [`${prefix}_${l}`, textLabel(t, label, l)]))),
    group: t('services.catalogue.group'), applicants: t('services.catalogue.applicants'), channels: t('services.catalogue.channels'),
    fee_kind: t('services.catalogue.editor.feeKind'), fee_amount: t('services.catalogue.editor.feeAmount'), fee_field: t('services.catalogue.editor.feeField'),
    fee_rows: t('services.catalogue.editor.feeRows'), fee_default: t('services.catalogue.editor.feeDefault'), fee_rate: t('services.catalogue.editor.feeRate'),
    fee_base: t('services.catalogue.editor.feeBase'), fee_min: t('services.catalogue.editor.feeMin'), deadline_days: t('services.catalogue.editor.deadlineDays'),
    deadline_unit: t('services.catalogue.editor.deadlineUnit'), output_template: t('services.catalogue.editor.outputTemplate'), advanced: t('services.catalogue.editor.advanced'),
    ...Object.fromEntries(editor.actions.map((a) => [`roles_${a.key}`, a.label])),
    ...Object.fromEntries(editor.states.map((s) => [`days_${s.key}`, s.label])),
  };
}

function Texts({ ctx, form, prefix, label, area }: { ctx: Ctx; form: FormState; prefix: string; label: MessageKey; area?: boolean }) {
  return (
    <>
      {LANGS.map((l) => {
        const props = { form, name: `${prefix}_${l}`, label: textLabel(ctx.t, label, l), optional: l !== 'hy' || prefix.startsWith('output') };
        return area ? <Textarea {...props} rows={3} /> : <TextInput {...props} />;
      })}
    </>
  );
}

function RolesMatrix({ ctx, form, editor }: { ctx: Ctx; form: FormState; editor: EditorForm }) {
  const { t } = ctx;
  return (
    <div class="table-wrap">
      <table class="table">
        <caption class="table-caption">{t('services.catalogue.editor.rolesCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('services.catalogue.editor.action')}</th>
            {ACTOR_ROLES.map((r) => <th scope="col">{roleLabel(ctx, r)}</th>)}
          </tr>
        </thead>
        <tbody>
          {editor.actions.map((a) => {
            const name = `roles_${a.key}`;
            const error = form.errors?.[name];
            const checked = editor.multi[name] ?? [];
            return (
              <tr>
                <th scope="row">
                  {a.label} <span class="muted">({a.key})</span>
                  {error && <p class="error-message" id={`${fieldId(name)}-error`}>{t(error)}</p>}
                </th>
                {ACTOR_ROLES.map((r, i) => {
                  const id = i === 0 ? fieldId(name) : `${fieldId(name)}-${i + 1}`;
                  return (
                    <td>
                      <input type="checkbox" id={id} name={name} value={r} checked={checked.includes(r)} aria-describedby={error ? `${fieldId(name)}-error` : undefined} />
                      <label class="visually-hidden" for={id}>{`${a.label}: ${roleLabel(ctx, r)}`}</label>
                    </td>
                  );
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function StateDays({ ctx, form, editor }: { ctx: Ctx; form: FormState; editor: EditorForm }) {
  const { t } = ctx;
  return (
    <div class="table-wrap">
      <table class="table">
        <caption class="table-caption">{t('services.catalogue.editor.daysCaption')}</caption>
        <thead>
          <tr><th scope="col">{t('services.catalogue.editor.state')}</th><th scope="col">{t('services.catalogue.editor.days')}</th></tr>
        </thead>
        <tbody>
          {editor.states.map((s) => {
            const name = `days_${s.key}`;
            const error = form.errors?.[name];
            return (
              <tr>
                <th scope="row"><label for={fieldId(name)}>{s.label}</label> <span class="muted">({s.key})</span></th>
                <td>
                  {error && <p class="error-message" id={`${fieldId(name)}-error`}>{t(error)}</p>}
                  <input class="input input-s" type="number" min="1" max="365" id={fieldId(name)} name={name} value={form.values?.[name] ?? ''}
                    aria-describedby={error ? `${fieldId(name)}-error` : undefined} aria-invalid={error ? 'true' : undefined} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function Advanced({ ctx, form, issues }: { ctx: Ctx; form: FormState; issues: SpecIssue[] }) {
  const { t } = ctx;
  const id = fieldId('advanced');
  const described = [`${id}-hint`, form.errors?.advanced ? `${id}-error` : '', issues.length ? `${id}-issues` : ''].filter(Boolean).join(' ');
  return (
    <Field form={form} name="advanced" label={t('services.catalogue.editor.advanced')} hint={t('services.catalogue.editor.advancedHint')}>
      {issues.length > 0 && (
        <ul class="error-message" id={`${id}-issues`}>
          {issues.map((i) => <li><code>{formatPath(i.path) || 'JSON'}</code>: {t(i.key, i.params)}</li>)}
        </ul>
      )}
      <textarea class="textarea" id={id} name="advanced" rows={24} spellcheck={false} aria-describedby={described} aria-invalid={form.errors?.advanced ? 'true' : undefined}>
        {form.values?.advanced ?? ''}
      </textarea>
    </Field>
  );
}

export function EditorPage({ ctx, service, name, form: editor, errors = {}, issues = [], conflictWith, done }: EditorProps) {
  const { t } = ctx;
  const slug = ctx.requireCommunity().slug;
  const base = `/${slug}/staff/services`;
  const path = `${base}/${service.id}`;
  const form: FormState = { t, errors, values: editor.values };
  const feeFields = editor.fields.filter((f) => f.type === 'number' || f.type === 'select').map((f) => ({ value: f.key, label: `${f.label} (${f.key})` }));
  const placeholders = editor.fields.map((f) => `{${f.key}}`).join(' ');
  const labels = editorLabels(t, editor);
  return (
    <StaffLayout ctx={ctx} title={name} path={path} crumbs={[{ href: base, label: t('services.catalogue.title') }, { label: name }]}>
      <DoneNotice ctx={ctx} done={done} />
      {conflictWith !== undefined && (
        <Notice tone="warning" title={t('services.catalogue.editor.conflictTitle')}>
          <p>{t('services.catalogue.editor.conflictBody', { version: conflictWith })} <a href={path}>{t('services.catalogue.editor.reload')}</a></p>
        </Notice>
      )}
      <span class="muted">{service.code} · {t('services.catalogue.version', { version: editor.values.version ?? '' })}</span>
      <h1>{name}</h1>
      <div class="actions">
        <StatusTag ctx={ctx} status={service.status} />
        {(['published', 'draft', 'archived'] as const).filter((s) => s !== service.status).map((s) => (
          <form method="post" action={`${path}/status`} class="inline-form">
            <CsrfField token={ctx.csrfToken} />
            <input type="hidden" name="status" value={s} />
            <Button variant={s === 'archived' ? 'warning' : 'secondary'}>{t(`services.catalogue.status.to.${s}`)}</Button>
          </form>
        ))}
        <a href={`${path}/versions`}>{t('services.catalogue.versions.title')}</a>
        {service.status === 'published' && <a href={`/${slug}/services/${service.id}`}>{t('services.catalogue.editor.publicPage')}</a>}
      </div>
      <ErrorSummary form={form} labels={labels} />
      <form method="post" action={path} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <input type="hidden" name="version" value={editor.values.version ?? ''} />
        <input type="hidden" name="shown_actions" value={editor.actions.map((a) => a.key).join(',')} />
        <input type="hidden" name="shown_states" value={editor.states.map((s) => s.key).join(',')} />
        <fieldset class="group">
          <legend>{t('services.catalogue.editor.texts')}</legend>
          <Texts ctx={ctx} form={form} prefix="name" label="services.catalogue.editor.name" />
          <Texts ctx={ctx} form={form} prefix="description" label="services.catalogue.editor.description" area />
        </fieldset>
        <fieldset class="group">
          <legend>{t('services.catalogue.editor.access')}</legend>
          <Select form={form} name="group" label={labels.group} options={SERVICE_GROUPS.map((g) => ({ value: g, label: groupLabel(t, g) }))} />
          <Checkboxes form={form} name="applicants" label={labels.applicants} checked={editor.multi.applicants ?? []}
            items={(['person', 'organization'] as const).map((a) => ({ value: a, label: t(`services.catalogue.applicant.${a}`) }))} />
          <Select form={form} name="channels" label={labels.channels} options={(['both', 'online', 'office'] as const).map((c) => ({ value: c, label: t(`services.catalogue.channels.${c}`) }))} />
        </fieldset>
        <fieldset class="group">
          <legend>{t('services.catalogue.fee')}</legend>
          <Select form={form} name="fee_kind" label={labels.fee_kind} options={(['none', 'fixed', 'table', 'per_unit'] as const).map((k) => ({ value: k, label: t(`services.catalogue.feeKind.${k}`) }))} />
          <TextInput form={form} name="fee_amount" type="number" width="s" label={labels.fee_amount} hint={t('services.catalogue.editor.feeAmountHint')} optional />
          <Select form={form} name="fee_field" label={labels.fee_field} hint={t('services.catalogue.editor.feeFieldHint')} options={feeFields} placeholder="—" optional />
          <Textarea form={form} name="fee_rows" rows={4} label={labels.fee_rows} hint={t('services.catalogue.editor.feeRowsHint')} optional />
          <TextInput form={form} name="fee_default" type="number" width="s" label={labels.fee_default} optional />
          <TextInput form={form} name="fee_rate" width="s" inputMode="decimal" label={labels.fee_rate} hint={t('services.catalogue.editor.feeRateHint')} optional />
          <TextInput form={form} name="fee_base" type="number" width="s" label={labels.fee_base} optional />
          <TextInput form={form} name="fee_min" type="number" width="s" label={labels.fee_min} optional />
        </fieldset>
        <fieldset class="group">
          <legend>{t('services.catalogue.deadline')}</legend>
          <TextInput form={form} name="deadline_days" type="number" width="s" label={labels.deadline_days} />
          <Select form={form} name="deadline_unit" label={labels.deadline_unit} options={(['working', 'calendar'] as const).map((u) => ({ value: u, label: t(`services.catalogue.unit.${u}`) }))} />
        </fieldset>
        <fieldset class="group">
          <legend>{t('services.catalogue.editor.workflow')}</legend>
          <RolesMatrix ctx={ctx} form={form} editor={editor} />
          <StateDays ctx={ctx} form={form} editor={editor} />
        </fieldset>
        <fieldset class="group">
          <legend>{t('services.catalogue.editor.output')}</legend>
          <Select form={form} name="output_template" label={labels.output_template} options={OUTPUT_TEMPLATES.map((o) => ({ value: o, label: t(`services.catalogue.output.${o}`) }))} />
          <Texts ctx={ctx} form={form} prefix="output_title" label="services.catalogue.editor.outputTitle" />
          <p class="hint">{t('services.catalogue.editor.placeholders', { list: placeholders || '—' })}</p>
          <Texts ctx={ctx} form={form} prefix="output_body" label="services.catalogue.editor.outputBody" area />
        </fieldset>
        <Advanced ctx={ctx} form={form} issues={issues} />
        <Button>{t('services.catalogue.editor.save')}</Button>
      </form>
    </StaffLayout>
  );
}
