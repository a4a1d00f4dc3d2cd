// The catalogue's back-office pages around the editor: the list of services, installing
// shipped templates, a new service (empty or a copy) and a service's version history.
import type { Ctx } from '../../../platform/http/context.ts';
import type { FieldErrors } from '../../../platform/http/errors.ts';
import { formatInstant } from '../../../platform/i18n/index.ts';
import { StaffLayout } from '../../../platform/ui/staff-layout.tsx';
import {
  Button, ButtonLink, CsrfField, ErrorSummary, Notice, Select, Table, Tag, TextInput, fieldId, type FormState, type Option, type Tone,
} from '../../../platform/ui/components.tsx';
import { pick, SERVICE_GROUPS } from './spec.ts';
import type { ServiceTemplate } from '../templates/index.ts';
import { groupLabel } from './catalogue.display.ts';
import type { Service, ServiceStatus, VersionListRow } from './catalogue.queries.ts';

const TONES: Record<ServiceStatus, Tone> = { published: 'green', draft: 'yellow', archived: 'grey' };

export function StatusTag({ ctx, status }: { ctx: Ctx; status: ServiceStatus }) {
  return <Tag tone={TONES[status]}>{ctx.t(`services.catalogue.status.${status}`)}</Tag>;
}

export function DoneNotice({ ctx, done, count }: { ctx: Ctx; done?: string; count?: number }) {
  if (done === 'installed') return <Notice title={ctx.t('services.catalogue.done.installed', { count: count ?? 0 })} />;
  if (done === 'saved' || done === 'status' || done === 'created') return <Notice title={ctx.t(`services.catalogue.done.${done}`)} />;
  return null;
}

const basePath = (ctx: Ctx) => `/${ctx.requireCommunity().slug}/staff/services`;

export function ServiceListPage({ ctx, services, done, count }: { ctx: Ctx; services: Service[]; done?: string; count?: number }) {
  const { t } = ctx;
  const base = basePath(ctx);
  const title = t('services.catalogue.title');
  return (
    <StaffLayout ctx={ctx} title={title} path={base} crumbs={[{ label: title }]}>
      <DoneNotice ctx={ctx} done={done} count={count} />
      <h1>{title}</h1>
      <p class="lead">{t('services.catalogue.lead')}</p>
      <div class="actions">
        <ButtonLink href={`${base}/templates`} variant="primary">{t('services.catalogue.templates.title')}</ButtonLink>
        <ButtonLink href={`${base}/new`}>{t('services.catalogue.new.title')}</ButtonLink>
      </div>
      <Table
        t={t}
        caption={t('services.catalogue.caption', { count: services.length })}
        rows={services}
        empty={t('services.catalogue.empty')}
        columns={[
          { key: 'name', label: t('services.catalogue.name'), render: (s) => <a href={`${base}/${s.id}`}>{pick(s.spec.name, ctx.locale)}</a> },
          { key: 'group', label: t('services.catalogue.group'), render: (s) => groupLabel(t, s.group) },
          { key: 'status', label: t('services.catalogue.status'), render: (s) => <StatusTag ctx={ctx} status={s.status} /> },
          { key: 'version', label: t('services.catalogue.versionShort'), numeric: true, render: (s) => s.version },
          { key: 'channels', label: t('services.catalogue.channels'), render: (s) => t(`services.catalogue.channelsShort.${s.spec.channels}`) },
          { key: 'code', label: t('services.catalogue.code'), render: (s) => <span class="muted">{s.code}</span> },
        ]}
      />
    </StaffLayout>
  );
}

export function TemplatesPage({ ctx, templates, installed, errors = {} }: { ctx: Ctx; templates: readonly ServiceTemplate[]; installed: Set<string>; errors?: FieldErrors }) {
  const { t } = ctx;
  const base = basePath(ctx);
  const title = t('services.catalogue.templates.title');
  const form: FormState = { t, errors };
  const available = templates.filter((tpl) => !installed.has(tpl.code));
  return (
    <StaffLayout ctx={ctx} title={title} path={`${base}/templates`} crumbs={[{ href: base, label: t('services.catalogue.title') }, { label: title }]}>
      <h1>{title}</h1>
      <p class="lead">{t('services.catalogue.templates.lead', { available: available.length, total: templates.length })}</p>
      <ErrorSummary form={form} labels={{ codes: t('services.catalogue.templates.choose') }} />
      <form method="post" action={`${base}/install`} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <fieldset class="fieldset" aria-describedby={errors.codes ? `${fieldId('codes')}-error` : undefined}>
          <legend class="label">{t('services.catalogue.templates.choose')}</legend>
          {errors.codes && <p class="error-message" id={`${fieldId('codes')}-error`}>{t(errors.codes)}</p>}
          {SERVICE_GROUPS.map((g) => {
            const inGroup = templates.filter((tpl) => tpl.group === g);
            return inGroup.length === 0 ? null : (
              <>
                <h2>{groupLabel(t, g)}</h2>
                {inGroup.map((tpl) => {
                  const id = available[0]?.code === tpl.code ? fieldId('codes') : `template-${tpl.code}`;
                  const name = pick({ en: '', ru: '', ...tpl.spec.name }, ctx.locale);
                  return installed.has(tpl.code) ? (
                    <p>{name} <Tag tone="green">{t('services.catalogue.templates.installed')}</Tag></p>
                  ) : (
                    <div class="checkbox">
                      <input type="checkbox" id={id} name="codes" value={tpl.code} />
                      <label for={id}>{name}</label>
                    </div>
                  );
                })}
              </>
            );
          })}
        </fieldset>
        {available.length > 0 ? (
          <div class="actions">
            <Button name="scope" value="chosen">{t('services.catalogue.templates.installChosen')}</Button>
            <Button name="scope" value="all" variant="secondary">{t('services.catalogue.templates.installAll', { count: available.length })}</Button>
          </div>
        ) : (
          <p>{t('services.catalogue.templates.allInstalled')}</p>
        )}
      </form>
    </StaffLayout>
  );
}

export function NewServicePage({ ctx, form, sources }: { ctx: Ctx; form: FormState; sources: Option[] }) {
  const { t } = ctx;
  const base = basePath(ctx);
  const title = t('services.catalogue.new.title');
  const name = (lang: 'hy' | 'en' | 'ru') => `${t('services.catalogue.name')} (${t(`services.catalogue.lang.${lang}`)})`;
  const labels = { from: t('services.catalogue.new.from'), code: t('services.catalogue.code'), group: t('services.catalogue.group'), name_hy: name('hy'), name_en: name('en'), name_ru: name('ru') };
  return (
    <StaffLayout ctx={ctx} title={title} path={`${base}/new`} crumbs={[{ href: base, label: t('services.catalogue.title') }, { label: title }]}>
      <h1>{title}</h1>
      <ErrorSummary form={form} labels={labels} />
      <form method="post" action={`${base}/new`} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <Select form={form} name="from" label={labels.from} hint={t('services.catalogue.new.fromHint')} options={sources} placeholder={t('services.catalogue.new.empty')} />
        <TextInput form={form} name="code" width="m" label={labels.code} hint={t('services.catalogue.new.codeHint')} spellcheck={false} required />
        <TextInput form={form} name="name_hy" label={labels.name_hy} required />
        <TextInput form={form} name="name_en" label={labels.name_en} optional />
        <TextInput form={form} name="name_ru" label={labels.name_ru} optional />
        <Select form={form} name="group" label={labels.group} options={SERVICE_GROUPS.map((g) => ({ value: g, label: groupLabel(t, g) }))} required />
        <Button>{t('services.catalogue.new.create')}</Button>
      </form>
    </StaffLayout>
  );
}

export function VersionsPage({ ctx, service, name, versions }: { ctx: Ctx; service: { id: number; current_version_id: number | null }; name: string; versions: VersionListRow[] }) {
  const { t } = ctx;
  const base = basePath(ctx);
  const title = t('services.catalogue.versions.title');
  return (
    <StaffLayout ctx={ctx} title={`${title}: ${name}`} path={`${base}/${service.id}/versions`} crumbs={[{ href: base, label: t('services.catalogue.title') }, { href: `${base}/${service.id}`, label: name }, { label: title }]}>
      <h1>{title}</h1>
      <p class="lead">{name}</p>
      <p>{t('services.catalogue.versions.lead')}</p>
      <Table
        t={t}
        caption={t('services.catalogue.versions.caption', { count: versions.length })}
        captionHidden
        rows={versions}
        columns={[
          { key: 'version', label: t('services.catalogue.versionShort'), numeric: true, render: (v) => v.version },
          { key: 'at', label: t('services.catalogue.versions.at'), render: (v) => formatInstant(v.created_at) },
          { key: 'by', label: t('services.catalogue.versions.by'), render: (v) => v.author ?? t('services.catalogue.versions.system') },
          { key: 'current', label: t('services.catalogue.status'), render: (v) => (v.id === service.current_version_id ? <Tag tone="blue">{t('services.catalogue.versions.current')}</Tag> : '') },
        ]}
      />
    </StaffLayout>
  );
}
