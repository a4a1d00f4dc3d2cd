// List pages of the property register: land parcels and structures, with filters and a pager.
import type { Ctx } from '../../../platform/http/context.ts';
import type { MessageKey } from '../../../platform/i18n/index.ts';
import { formatAmd, formatNumber, localized } from '../../../platform/i18n/index.ts';
import { StaffLayout } from '../../../platform/ui/staff-layout.tsx';
import { Button, ButtonLink, Notice, Pager, Select, Table, Tag, TextInput, withQuery, type FormState, type Option } from '../../../platform/ui/components.tsx';
import { LAND_PURPOSES, STRUCTURE_KINDS, STRUCTURE_PURPOSES, type ParcelListQuery, type StructureListQuery } from './property.schemas.ts';
import { addressText, type ParcelRow, type StructureRow } from './property.queries.ts';

export interface SettlementOption {
  id: number;
  name_hy: string;
  name_en: string;
  name_ru: string;
}

export const purposeLabel = (ctx: Ctx, p: string) => ctx.t(`registry.property.purpose.${p}` as MessageKey);
export const kindLabel = (ctx: Ctx, k: string) => ctx.t(`registry.property.kind.${k}` as MessageKey);

export function settlementOptions(ctx: Ctx, settlements: SettlementOption[]): Option[] {
  return settlements.map((s) => ({ value: String(s.id), label: localized(s, 'name', ctx.locale) }));
}

export function areaText(ctx: Ctx, m2: number): string {
  return `${formatNumber(m2, ctx.locale, { decimals: 2 })}\u00a0m²`;
}

export const amdOrDash = (v: number | null) => (v === null ? '—' : formatAmd(Number(v)));

const NOTICES: Record<string, MessageKey> = {
  saved: 'registry.property.notice.saved',
  owners: 'registry.property.notice.owners',
};

export function DoneNotice({ ctx, done }: { ctx: Ctx; done: string | undefined }) {
  const key = done ? NOTICES[done] : undefined;
  return key ? <Notice title={ctx.t(key)} /> : null;
}

/** "Export CSV · Export XLSX" of a list, carrying its current filters (not the page). */
export function ExportLinks({ ctx, path, query }: { ctx: Ctx; path: string; query: object }) {
  const q = query as Record<string, unknown>;
  const href = (format: string) => withQuery(`${path}/export.${format}`, q, { page: undefined, done: undefined });
  return (
    <p>
      <a href={href('csv')} download>{ctx.t('registry.export.csv')}</a>
      {' · '}
      <a href={href('xlsx')} download>{ctx.t('registry.export.xlsx')}</a>
    </p>
  );
}

export interface ListProps<Q, R> {
  ctx: Ctx;
  query: Q;
  rows: R[];
  total: number;
  page: number;
  pages: number;
  settlements: SettlementOption[];
  canEdit: boolean;
}

function filterState(ctx: Ctx, query: object): FormState {
  const values: Record<string, string> = {};
  for (const [k, v] of Object.entries(query)) if (v !== undefined && k !== 'page' && k !== 'done') values[k] = String(v);
  return { t: ctx.t, values };
}

function SubNav({ ctx, current }: { ctx: Ctx; current: 'parcels' | 'structures' }) {
  const base = `/${ctx.requireCommunity().slug}/staff/registry`;
  return (
    <p>
      {current === 'parcels' ? <strong>{ctx.t('registry.property.parcels')}</strong> : <a href={`${base}/parcels`}>{ctx.t('registry.property.parcels')}</a>}
      {' · '}
      {current === 'structures' ? <strong>{ctx.t('registry.property.structures')}</strong> : <a href={`${base}/structures`}>{ctx.t('registry.property.structures')}</a>}
      {' · '}
      <a href={`${base}/map`}>{ctx.t('registry.map.title')}</a>
    </p>
  );
}

export function ParcelListPage({ ctx, query, rows, total, page, pages, settlements, canEdit }: ListProps<ParcelListQuery, ParcelRow>) {
  const { t } = ctx;
  const path = `/${ctx.requireCommunity().slug}/staff/registry/parcels`;
  const form = filterState(ctx, query);
  const title = t('registry.property.parcels');
  return (
    <StaffLayout ctx={ctx} title={title} path={path} crumbs={[{ label: title }]}>
      <DoneNotice ctx={ctx} done={query.done} />
      <h1>{title}</h1>
      <SubNav ctx={ctx} current="parcels" />
      {canEdit && <ButtonLink href={`${path}/new`}>{t('registry.property.parcel.new')}</ButtonLink>}
      <form method="get" action={path} class="filters" role="search" aria-label={t('registry.property.filters')}>
        <TextInput form={form} name="q" label={t('registry.property.search')} hint={t('registry.property.searchHint')} width="m" />
        <Select form={form} name="settlement" label={t('registry.property.settlement')} options={settlementOptions(ctx, settlements)} placeholder={t('registry.property.all')} />
        <Select form={form} name="purpose" label={t('registry.property.purpose')} options={LAND_PURPOSES.map((p) => ({ value: p, label: purposeLabel(ctx, p) }))} placeholder={t('registry.property.all')} />
        <Select form={form} name="inside" label={t('registry.property.inside')} options={[{ value: '1', label: t('registry.property.insideYes') }, { value: '0', label: t('registry.property.insideNo') }]} placeholder={t('registry.property.all')} />
        <Button variant="secondary">{t('registry.property.apply')}</Button>
      </form>
      <ExportLinks ctx={ctx} path={path} query={query} />
      <Table
        t={t}
        caption={t('registry.property.parcelsCaption', { count: total })}
        rows={rows}
        columns={[
          { key: 'code', label: t('registry.property.cadastralCode'), render: (r) => <a href={`${path}/${r.id}`}>{r.cadastral_code}</a> },
          { key: 'settlement', label: t('registry.property.settlement'), render: (r) => (r.settlement_hy ? localized({ name_hy: r.settlement_hy, name_en: r.settlement_en, name_ru: r.settlement_ru }, 'name', ctx.locale) : '—') },
          { key: 'address', label: t('registry.property.address'), render: (r) => addressText(r) ?? '—' },
          { key: 'purpose', label: t('registry.property.purpose'), render: (r) => purposeLabel(ctx, r.purpose) },
          { key: 'inside', label: t('registry.property.inside'), render: (r) => (r.inside_settlement ? <Tag tone="blue">{t('registry.property.insideYes')}</Tag> : <Tag>{t('registry.property.insideNo')}</Tag>) },
          { key: 'area', label: t('registry.property.area'), numeric: true, render: (r) => areaText(ctx, Number(r.area_m2)) },
          { key: 'value', label: t('registry.property.cadastralValue'), numeric: true, render: (r) => amdOrDash(r.cadastral_value) },
        ]}
      />
      <Pager t={t} page={page} pages={pages} path={path} query={form.values} />
    </StaffLayout>
  );
}

export function StructureListPage({ ctx, query, rows, total, page, pages, settlements, canEdit }: ListProps<StructureListQuery, StructureRow>) {
  const { t } = ctx;
  const path = `/${ctx.requireCommunity().slug}/staff/registry/structures`;
  const form = filterState(ctx, query);
  const title = t('registry.property.structures');
  return (
    <StaffLayout ctx={ctx} title={title} path={path} crumbs={[{ label: title }]}>
      <DoneNotice ctx={ctx} done={query.done} />
      <h1>{title}</h1>
      <SubNav ctx={ctx} current="structures" />
      {canEdit && <ButtonLink href={`${path}/new`}>{t('registry.property.structure.new')}</ButtonLink>}
      <form method="get" action={path} class="filters" role="search" aria-label={t('registry.property.filters')}>
        <TextInput form={form} name="q" label={t('registry.property.search')} hint={t('registry.property.searchHint')} width="m" />
        <Select form={form} name="settlement" label={t('registry.property.settlement')} options={settlementOptions(ctx, settlements)} placeholder={t('registry.property.all')} />
        <Select form={form} name="kind" label={t('registry.property.kind')} options={STRUCTURE_KINDS.map((k) => ({ value: k, label: kindLabel(ctx, k) }))} placeholder={t('registry.property.all')} />
        <Button variant="secondary">{t('registry.property.apply')}</Button>
      </form>
      <ExportLinks ctx={ctx} path={path} query={query} />
      <Table
        t={t}
        caption={t('registry.property.structuresCaption', { count: total })}
        rows={rows}
        columns={[
          { key: 'code', label: t('registry.property.cadastralCode'), render: (r) => <a href={`${path}/${r.id}`}>{r.cadastral_code}</a> },
          { key: 'kind', label: t('registry.property.kind'), render: (r) => kindLabel(ctx, r.kind) },
          { key: 'address', label: t('registry.property.address'), render: (r) => [addressText(r) ?? '—', r.unit_number ? `, ${t('registry.property.unitShort')} ${r.unit_number}` : ''].join('') },
          { key: 'purpose', label: t('registry.property.purpose'), render: (r) => ((STRUCTURE_PURPOSES as readonly string[]).includes(r.purpose) ? purposeLabel(ctx, r.purpose) : r.purpose) },
          { key: 'area', label: t('registry.property.area'), numeric: true, render: (r) => areaText(ctx, Number(r.area_m2)) },
          { key: 'value', label: t('registry.property.value'), numeric: true, render: (r) => amdOrDash(r.cadastral_value ?? r.market_value) },
        ]}
      />
      <Pager t={t} page={page} pages={pages} path={path} query={form.values} />
    </StaffLayout>
  );
}
