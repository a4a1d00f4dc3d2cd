// Record pages of the property register: a parcel or structure with its owners (current
// and past, shares as fractions) and its recent history.
import type { Ctx } from '../../../platform/http/context.ts';
import type { MessageKey } from '../../../platform/i18n/index.ts';
import { formatDay, formatInstant, localized } from '../../../platform/i18n/index.ts';
import { StaffLayout } from '../../../platform/ui/staff-layout.tsx';
import { ButtonLink, SummaryList, Table, Tag } from '../../../platform/ui/components.tsx';
import { addressText, type HistoryEntry, type OwnerRow, type ParcelRow, type StructureRow } from './property.queries.ts';
import { amdOrDash, areaText, DoneNotice, kindLabel, purposeLabel } from './property.views.tsx';
import { actionLabel, actorLabel, auditDictionary } from '../../../platform/audit/audit-names.ts';

/** A resident owner is named only to roles that may see people (registry.people_view). */
export function ownerLabel(ctx: Ctx, o: OwnerRow, canSeePeople: boolean): string {
  switch (o.owner_type) {
    case 'resident':
      if (!canSeePeople) return ctx.t('registry.property.owner.resident');
      return `${o.resident_name ?? '?'}${o.resident_psn ? ` (${o.resident_psn})` : ''}`;
    case 'organization':
      return `${o.organization_name ?? '?'}${o.organization_tax_id ? ` (${o.organization_tax_id})` : ''}`;
    case 'community':
      return ctx.t('registry.property.owner.communityName');
    default:
      return o.owner_name ?? '—';
  }
}

function Owners({ ctx, owners, editHref, canSeePeople }: { ctx: Ctx; owners: OwnerRow[]; editHref: string | null; canSeePeople: boolean }) {
  const { t } = ctx;
  const current = owners.filter((o) => o.valid_to === null);
  const past = owners.filter((o) => o.valid_to !== null);
  const columns = [
    { key: 'owner', label: t('registry.property.owner'), render: (o: OwnerRow) => ownerLabel(ctx, o, canSeePeople) },
    { key: 'type', label: t('registry.property.ownerType'), render: (o: OwnerRow) => t(`registry.property.owner.${o.owner_type}` as MessageKey) },
    { key: 'share', label: t('registry.property.share'), numeric: true, render: (o: OwnerRow) => `${o.share_num}/${o.share_den}` },
    { key: 'from', label: t('registry.property.validFrom'), render: (o: OwnerRow) => formatDay(o.valid_from) },
  ];
  return (
    <section aria-labelledby="owners">
      <h2 id="owners">{t('registry.property.owners')}</h2>
      <Table t={t} caption={t('registry.property.currentOwners')} rows={current} columns={columns} empty={t('registry.property.noOwners')} />
      {editHref && <ButtonLink href={editHref}>{t('registry.property.editOwners')}</ButtonLink>}
      {past.length > 0 && (
        <Table
          t={t}
          caption={t('registry.property.pastOwners')}
          rows={past}
          columns={[...columns, { key: 'to', label: t('registry.property.validTo'), render: (o: OwnerRow) => formatDay(o.valid_to!) }]}
        />
      )}
    </section>
  );
}

function History({ ctx, history }: { ctx: Ctx; history: HistoryEntry[] }) {
  const { t } = ctx;
  return (
    <section aria-labelledby="history">
      <h2 id="history">{t('registry.property.history')}</h2>
      {history.length === 0 ? (
        <p class="muted">{t('table.empty')}</p>
      ) : (
        <ol class="timeline">
          {history.map((h) => (
            <li>
              <time datetime={h.at}>{formatInstant(h.at)}</time> — {actorLabel(auditDictionary(ctx.services), t, h.actor_label)}: <Tag>{actionLabel(auditDictionary(ctx.services), t, h.action)}</Tag>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

export interface RecordProps<R> {
  ctx: Ctx;
  row: R;
  owners: OwnerRow[];
  history: HistoryEntry[];
  canEdit: boolean;
  canSeePeople: boolean;
  done?: string;
}

const coordsText = (r: { lat: number | null; lon: number | null }) => (r.lat === null || r.lon === null ? '—' : `${r.lat}, ${r.lon}`);

export function ParcelPage({ ctx, row, owners, history, canEdit, canSeePeople, done }: RecordProps<ParcelRow>) {
  const { t } = ctx;
  const base = `/${ctx.requireCommunity().slug}/staff/registry/parcels`;
  const path = `${base}/${row.id}`;
  return (
    <StaffLayout ctx={ctx} title={row.cadastral_code} path={path} crumbs={[{ href: base, label: t('registry.property.parcels') }, { label: row.cadastral_code }]}>
      <DoneNotice ctx={ctx} done={done} />
      <span class="muted">{t('registry.property.parcel')}</span>
      <h1>{row.cadastral_code}</h1>
      {canEdit && <ButtonLink href={`${path}/edit`}>{t('registry.property.edit')}</ButtonLink>}
      <SummaryList
        rows={[
          { key: t('registry.property.settlement'), value: row.settlement_hy ? localized({ name_hy: row.settlement_hy, name_en: row.settlement_en, name_ru: row.settlement_ru }, 'name', ctx.locale) : '—' },
          { key: t('registry.property.address'), value: addressText(row) ?? '—' },
          { key: t('registry.property.area'), value: areaText(ctx, Number(row.area_m2)) },
          { key: t('registry.property.purpose'), value: purposeLabel(ctx, row.purpose) },
          { key: t('registry.property.inside'), value: row.inside_settlement ? t('registry.property.insideYes') : t('registry.property.insideNo') },
          { key: t('registry.property.cadastralValue'), value: amdOrDash(row.cadastral_value) },
          { key: t('registry.property.netIncome'), value: amdOrDash(row.net_income) },
          { key: t('registry.property.coordinates'), value: coordsText(row) },
        ]}
      />
      <Owners ctx={ctx} owners={owners} editHref={canEdit ? `${path}/owners` : null} canSeePeople={canSeePeople} />
      <History ctx={ctx} history={history} />
    </StaffLayout>
  );
}

export function StructurePage({ ctx, row, owners, history, canEdit, canSeePeople, done }: RecordProps<StructureRow>) {
  const { t } = ctx;
  const slug = ctx.requireCommunity().slug;
  const base = `/${slug}/staff/registry/structures`;
  const path = `${base}/${row.id}`;
  return (
    <StaffLayout ctx={ctx} title={row.cadastral_code} path={path} crumbs={[{ href: base, label: t('registry.property.structures') }, { label: row.cadastral_code }]}>
      <DoneNotice ctx={ctx} done={done} />
      <span class="muted">{kindLabel(ctx, row.kind)}</span>
      <h1>{row.cadastral_code}</h1>
      {canEdit && <ButtonLink href={`${path}/edit`}>{t('registry.property.edit')}</ButtonLink>}
      <SummaryList
        rows={[
          { key: t('registry.property.kind'), value: kindLabel(ctx, row.kind) },
          { key: t('registry.property.parcel'), value: row.parcel_id && row.parcel_code ? <a href={`/${slug}/staff/registry/parcels/${row.parcel_id}`}>{row.parcel_code}</a> : '—' },
          { key: t('registry.property.address'), value: addressText(row) ?? '—' },
          { key: t('registry.property.unit'), value: row.unit_number ?? '—' },
          { key: t('registry.property.area'), value: areaText(ctx, Number(row.area_m2)) },
          { key: t('registry.property.purpose'), value: purposeLabel(ctx, row.purpose) },
          { key: t('registry.property.cadastralValue'), value: amdOrDash(row.cadastral_value) },
          { key: t('registry.property.marketValue'), value: amdOrDash(row.market_value) },
          { key: t('registry.property.coordinates'), value: coordsText(row) },
        ]}
      />
      <Owners ctx={ctx} owners={owners} editHref={canEdit ? `${path}/owners` : null} canSeePeople={canSeePeople} />
      <History ctx={ctx} history={history} />
    </StaffLayout>
  );
}
