// Where a resident lives, as staff know it: the address chosen from the community's gazetteer
// (grouped by settlement) and the apartment number typed as text. Works without JavaScript.
import type { Ctx } from '../../../platform/http/context.ts';
import { Field, fieldId, TextInput, type FormState } from '../../../platform/ui/components.tsx';
import type { addressOptions } from '../property/property.queries.ts';

export type AddressChoice = Awaited<ReturnType<typeof addressOptions>>[number];

function grouped(addresses: AddressChoice[]): [string, AddressChoice[]][] {
  const groups = new Map<string, AddressChoice[]>();
  for (const a of addresses) {
    const list = groups.get(a.settlement);
    if (list) list.push(a);
    else groups.set(a.settlement, [a]);
  }
  return [...groups];
}

/** The address <select> (optgroup per settlement) and the apartment number field. */
export function AddressFields({ ctx, form, addresses, label }: { ctx: Ctx; form: FormState; addresses: AddressChoice[]; label?: string }) {
  const { t } = ctx;
  const name = 'address_id';
  const value = form.values?.[name] ?? '';
  const error = form.errors?.[name];
  return (
    <>
      <Field form={form} name={name} label={label ?? t('registry.population.field.address')} optional>
        <select class="select" id={fieldId(name)} name={name} aria-describedby={error ? `${fieldId(name)}-error` : undefined} aria-invalid={error ? 'true' : undefined}>
          <option value="">—</option>
          {grouped(addresses).map(([settlement, list]) => (
            <optgroup label={settlement}>
              {list.map((a) => (
                <option value={a.value} selected={a.value === value}>{a.text}</option>
              ))}
            </optgroup>
          ))}
        </select>
      </Field>
      <TextInput form={form} name="unit" label={t('registry.population.field.unit')} hint={t('registry.population.field.unitHint')} width="s" optional />
    </>
  );
}
