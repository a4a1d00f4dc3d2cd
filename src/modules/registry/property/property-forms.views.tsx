// Edit forms of the property register: a parcel, a structure, and an owner set.
import type { Ctx } from '../../../platform/http/context.ts';
import type { MessageKey } from '../../../platform/i18n/index.ts';
import { StaffLayout } from '../../../platform/ui/staff-layout.tsx';
import { Button, CsrfField, ErrorSummary, Select, TextInput, type FormState, type Option } from '../../../platform/ui/components.tsx';
import { LAND_PURPOSES, OWNER_ROWS, OWNER_TYPES, STRUCTURE_KINDS, STRUCTURE_PURPOSES } from './property.schemas.ts';
import { kindLabel, purposeLabel, settlementOptions, type SettlementOption } from './property.views.tsx';

export interface FormPageProps {
  ctx: Ctx;
  /** null: a new record. */
  id: number | null;
  title: string;
  form: FormState;
  settlements: SettlementOption[];
  addresses: Option[];
}

function Coordinates({ ctx, form }: { ctx: Ctx; form: FormState }) {
  return (
    <>
      <TextInput form={form} name="lat" label={ctx.t('registry.property.lat')} hint={ctx.t('registry.property.coordinatesHint')} width="s" inputMode="decimal" optional />
      <TextInput form={form} name="lon" label={ctx.t('registry.property.lon')} width="s" inputMode="decimal" optional />
    </>
  );
}

export function ParcelFormPage({ ctx, id, title, form, settlements, addresses }: FormPageProps) {
  const { t } = ctx;
  const base = `/${ctx.requireCommunity().slug}/staff/registry/parcels`;
  const action = id === null ? base : `${base}/${id}`;
  return (
    <StaffLayout ctx={ctx} title={title} path={`${action}/edit`} crumbs={[{ href: base, label: t('registry.property.parcels') }, ...(id === null ? [] : [{ href: action, label: form.values?.cadastral_code ?? String(id) }]), { label: title }]}>
      <h1>{title}</h1>
      <ErrorSummary form={form} />
      <form method="post" action={action} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <TextInput form={form} name="cadastral_code" label={t('registry.property.cadastralCode')} hint={t('registry.property.cadastralCodeHint')} width="m" spellcheck={false} required />
        <Select form={form} name="settlement_id" label={t('registry.property.settlement')} options={settlementOptions(ctx, settlements)} placeholder="—" optional />
        <Select form={form} name="address_id" label={t('registry.property.address')} options={addresses} placeholder="—" optional />
        <TextInput form={form} name="area_m2" label={t('registry.property.areaM2')} width="s" inputMode="decimal" required />
        <Select form={form} name="purpose" label={t('registry.property.purpose')} options={LAND_PURPOSES.map((p) => ({ value: p, label: purposeLabel(ctx, p) }))} placeholder={t('ui.choose')} required />
        <Select form={form} name="inside_settlement" label={t('registry.property.inside')} options={[{ value: '1', label: t('registry.property.insideYes') }, { value: '0', label: t('registry.property.insideNo') }]} required />
        <TextInput form={form} name="cadastral_value" label={t('registry.property.cadastralValueAmd')} width="m" inputMode="numeric" optional />
        <TextInput form={form} name="net_income" label={t('registry.property.netIncomeAmd')} hint={t('registry.property.netIncomeHint')} width="m" inputMode="numeric" optional />
        <Coordinates ctx={ctx} form={form} />
        <Button>{t('registry.property.save')}</Button>
      </form>
    </StaffLayout>
  );
}

export function StructureFormPage({ ctx, id, title, form, addresses }: FormPageProps) {
  const { t } = ctx;
  const base = `/${ctx.requireCommunity().slug}/staff/registry/structures`;
  const action = id === null ? base : `${base}/${id}`;
  return (
    <StaffLayout ctx={ctx} title={title} path={`${action}/edit`} crumbs={[{ href: base, label: t('registry.property.structures') }, ...(id === null ? [] : [{ href: action, label: form.values?.cadastral_code ?? String(id) }]), { label: title }]}>
      <h1>{title}</h1>
      <ErrorSummary form={form} />
      <form method="post" action={action} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <Select form={form} name="kind" label={t('registry.property.kind')} options={STRUCTURE_KINDS.map((k) => ({ value: k, label: kindLabel(ctx, k) }))} placeholder={t('ui.choose')} required />
        <TextInput form={form} name="cadastral_code" label={t('registry.property.cadastralCode')} hint={t('registry.property.cadastralCodeHint')} width="m" spellcheck={false} required />
        <TextInput form={form} name="parcel_code" label={t('registry.property.parcelCode')} hint={t('registry.property.parcelCodeHint')} width="m" spellcheck={false} optional />
        <Select form={form} name="address_id" label={t('registry.property.address')} options={addresses} placeholder="—" optional />
        <TextInput form={form} name="unit" label={t('registry.property.unit')} hint={t('registry.property.unitHint')} width="s" optional />
        <TextInput form={form} name="area_m2" label={t('registry.property.areaM2')} width="s" inputMode="decimal" required />
        <Select form={form} name="purpose" label={t('registry.property.purpose')} options={STRUCTURE_PURPOSES.map((p) => ({ value: p, label: purposeLabel(ctx, p) }))} placeholder={t('ui.choose')} required />
        <TextInput form={form} name="cadastral_value" label={t('registry.property.cadastralValueAmd')} width="m" inputMode="numeric" optional />
        <TextInput form={form} name="market_value" label={t('registry.property.marketValueAmd')} width="m" inputMode="numeric" optional />
        <Coordinates ctx={ctx} form={form} />
        <Button>{t('registry.property.save')}</Button>
      </form>
    </StaffLayout>
  );
}

export function OwnersFormPage({ ctx, objectType, id, code, form }: { ctx: Ctx; objectType: 'parcel' | 'structure'; id: number; code: string; form: FormState }) {
  const { t } = ctx;
  const base = `/${ctx.requireCommunity().slug}/staff/registry/${objectType === 'parcel' ? 'parcels' : 'structures'}`;
  const path = `${base}/${id}/owners`;
  const title = t('registry.property.editOwners');
  const typeOptions = OWNER_TYPES.map((o) => ({ value: o, label: t(`registry.property.owner.${o}` as MessageKey) }));
  const rows = Array.from({ length: OWNER_ROWS }, (_, i) => i);
  return (
    <StaffLayout ctx={ctx} title={`${title} — ${code}`} path={path} crumbs={[{ href: base, label: t(objectType === 'parcel' ? 'registry.property.parcels' : 'registry.property.structures') }, { href: `${base}/${id}`, label: code }, { label: title }]}>
      <h1>{title}</h1>
      <p class="hint">{t('registry.property.ownersHint')}</p>
      <ErrorSummary form={form} />
      <form method="post" action={path} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <TextInput form={form} name="valid_from" label={t('registry.property.validFrom')} hint={t('registry.property.dayHint')} width="s" required />
        {rows.map((i) => (
          <fieldset class="fieldset">
            <legend class="label">{t('registry.property.ownerN', { n: i + 1 })}</legend>
            <Select form={form} name={`owner_type_${i}`} label={t('registry.property.ownerType')} options={typeOptions} placeholder="—" optional={i > 0} />
            <TextInput form={form} name={`owner_ref_${i}`} label={t('registry.property.ownerRef')} hint={i === 0 ? t('registry.property.ownerRefHint') : undefined} width="m" />
            <TextInput form={form} name={`share_${i}`} label={t('registry.property.share')} hint={i === 0 ? t('registry.property.shareHint') : undefined} width="s" />
          </fieldset>
        ))}
        <Button>{t('registry.property.saveOwners')}</Button>
      </form>
    </StaffLayout>
  );
}
