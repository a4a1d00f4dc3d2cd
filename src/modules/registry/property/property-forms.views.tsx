// Edit forms of the property register: a parcel, a structure, and an owner set.
import type { Ctx } from '../../../platform/http/context.ts';
import type { MessageKey } from '../../../platform/i18n/index.ts';
import { StaffLayout } from '../../../platform/ui/staff-layout.tsx';
import { Button, CsrfField, ErrorSummary, Select, TextInput, type FormState, type Option } from '../../../platform/ui/components.tsx';
import { LAND_PURPOSES, OWNER_ROWS, OWNER_TYPES, STRUCTURE_KINDS, TENURES, STRUCTURE_PURPOSES } from './property.schemas.ts';
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
  const labels = { cadastral_code: t('registry.property.cadastralCode'), settlement_id: t('registry.property.settlement'), address_id: t('registry.property.address'), area_m2: t('registry.property.areaM2'), purpose: t('registry.property.purpose'), inside_settlement: t('registry.property.inside'), cadastral_value: t('registry.property.cadastralValueAmd'), net_income: t('registry.property.netIncomeAmd') };
  return (
    <StaffLayout ctx={ctx} title={title} path={`${action}/edit`} crumbs={[{ href: base, label: t('registry.property.parcels') }, ...(id === null ? [] : [{ href: action, label: form.values?.cadastral_code ?? String(id) }]), { label: title }]}>
      <h1>{title}</h1>
      <ErrorSummary form={form} labels={labels} />
      <form method="post" action={action} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <TextInput form={form} name="cadastral_code" label={labels.cadastral_code} hint={t('registry.property.cadastralCodeHint')} width="m" spellcheck={false} required />
        <Select form={form} name="settlement_id" label={labels.settlement_id} options={settlementOptions(ctx, settlements)} placeholder="—" optional />
        <Select form={form} name="address_id" label={labels.address_id} options={addresses} placeholder="—" optional />
        <TextInput form={form} name="area_m2" label={labels.area_m2} width="s" inputMode="decimal" required />
        <Select form={form} name="purpose" label={labels.purpose} options={LAND_PURPOSES.map((p) => ({ value: p, label: purposeLabel(ctx, p) }))} placeholder={t('ui.choose')} required />
        <Select form={form} name="inside_settlement" label={labels.inside_settlement} options={[{ value: '1', label: t('registry.property.insideYes') }, { value: '0', label: t('registry.property.insideNo') }]} required />
        <TextInput form={form} name="cadastral_value" label={labels.cadastral_value} width="m" inputMode="numeric" optional />
        <TextInput form={form} name="net_income" label={labels.net_income} hint={t('registry.property.netIncomeHint')} width="m" inputMode="numeric" optional />
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
  const labels2 = { kind: t('registry.property.kind'), cadastral_code: t('registry.property.cadastralCode'), parcel_code: t('registry.property.parcelCode'), address_id: t('registry.property.address'), unit: t('registry.property.unit'), area_m2: t('registry.property.areaM2'), purpose: t('registry.property.purpose'), cadastral_value: t('registry.property.cadastralValueAmd'), market_value: t('registry.property.marketValueAmd') };
  return (
    <StaffLayout ctx={ctx} title={title} path={`${action}/edit`} crumbs={[{ href: base, label: t('registry.property.structures') }, ...(id === null ? [] : [{ href: action, label: form.values?.cadastral_code ?? String(id) }]), { label: title }]}>
      <h1>{title}</h1>
      <ErrorSummary form={form} labels={labels2} />
      <form method="post" action={action} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <Select form={form} name="kind" label={labels2.kind} options={STRUCTURE_KINDS.map((k) => ({ value: k, label: kindLabel(ctx, k) }))} placeholder={t('ui.choose')} required />
        <TextInput form={form} name="cadastral_code" label={labels2.cadastral_code} hint={t('registry.property.cadastralCodeHint')} width="m" spellcheck={false} required />
        <TextInput form={form} name="parcel_code" label={labels2.parcel_code} hint={t('registry.property.parcelCodeHint')} width="m" spellcheck={false} optional />
        <Select form={form} name="address_id" label={labels2.address_id} options={addresses} placeholder="—" optional />
        <TextInput form={form} name="unit" label={labels2.unit} hint={t('registry.property.unitHint')} width="s" optional />
        <TextInput form={form} name="area_m2" label={labels2.area_m2} width="s" inputMode="decimal" required />
        <Select form={form} name="purpose" label={labels2.purpose} options={STRUCTURE_PURPOSES.map((p) => ({ value: p, label: purposeLabel(ctx, p) }))} placeholder={t('ui.choose')} required />
        <TextInput form={form} name="cadastral_value" label={labels2.cadastral_value} width="m" inputMode="numeric" optional />
        <TextInput form={form} name="market_value" label={labels2.market_value} width="m" inputMode="numeric" optional />
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
  const tenureOptions = TENURES.map((o) => ({ value: o, label: t(`registry.property.tenure.${o}`) }));
  const rows = Array.from({ length: OWNER_ROWS }, (_, i) => i);
  const labels = { valid_from: t('registry.property.validFrom') };
  return (
    <StaffLayout ctx={ctx} title={`${title} — ${code}`} path={path} crumbs={[{ href: base, label: t(objectType === 'parcel' ? 'registry.property.parcels' : 'registry.property.structures') }, { href: `${base}/${id}`, label: code }, { label: title }]}>
      <h1>{title}</h1>
      <p class="hint">{t('registry.property.ownersHint')}</p>
      <ErrorSummary form={form} labels={labels} />
      <form method="post" action={path} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <TextInput form={form} name="valid_from" label={labels.valid_from} hint={t('registry.property.dayHint')} width="s" required />
        {rows.map((i) => (
          <fieldset class="fieldset">
            <legend class="label">{t('registry.property.ownerN', { n: i + 1 })}</legend>
            <Select form={form} name={`owner_type_${i}`} label={t('registry.property.ownerType')} options={typeOptions} placeholder="—" optional={i > 0} />
            <TextInput form={form} name={`owner_ref_${i}`} label={t('registry.property.ownerRef')} hint={i === 0 ? t('registry.property.ownerRefHint') : undefined} width="m" />
            <TextInput form={form} name={`share_${i}`} label={t('registry.property.share')} hint={i === 0 ? t('registry.property.shareHint') : undefined} width="s" />
            <Select form={form} name={`tenure_${i}`} label={t('registry.property.tenure')} hint={i === 0 ? t('registry.property.tenureHint') : undefined} options={tenureOptions} />
          </fieldset>
        ))}
        <Button>{t('registry.property.saveOwners')}</Button>
      </form>
    </StaffLayout>
  );
}
