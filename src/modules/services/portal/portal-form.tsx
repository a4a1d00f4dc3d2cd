// Pieces the portal's pages share: a service field rendered from its spec (by type, in the
// reader's language), a radio group, the step indicator of the guided form, and the texts
// of a service's fee and deadline.
import type { Ctx } from '../../../platform/http/context.ts';
import { formatAmd } from '../../../platform/i18n/index.ts';
import { Select, TextInput, Textarea, fieldId, type FormState } from '../../../platform/ui/components.tsx';
import type { FieldSpec, ServiceSpec } from '../catalogue/spec.ts';
import { pick } from '../catalogue/spec.ts';
import type { FormValues } from '../cases/form-values.ts';
import { fieldInput, type Step } from './portal.schemas.ts';

/** Stored values as the strings the inputs show (a ticked checkbox is "on"). */
export function valuesAsText(values: FormValues): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(values)) out[fieldInput(k)] = typeof v === 'boolean' ? (v ? 'on' : '') : String(v);
  return out;
}

/** Posted inputs back to field keys, for the engine (checkForm reads arrays' first value). */
export function postedValues(spec: ServiceSpec, body: unknown, only?: string[]): Record<string, unknown> {
  const posted = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const f of spec.fields) {
    if (only && !only.includes(f.key)) continue;
    const v = posted[fieldInput(f.key)];
    // An unticked checkbox is not posted at all: it means "no".
    out[f.key] = v === undefined ? '' : v;
  }
  return out;
}

/** Engine errors are keyed by field key (or document_<key>); the inputs are named f_<key>. */
export function errorsForInputs(spec: ServiceSpec, errors: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(errors)) out[spec.fields.some((f) => f.key === k) ? fieldInput(k) : k] = v;
  return out;
}

export function ServiceField({ ctx, field, form }: { ctx: Ctx; field: FieldSpec; form: FormState }) {
  const name = fieldInput(field.key);
  const label = pick(field.label, ctx.locale);
  const hint = field.help ? pick(field.help, ctx.locale) : undefined;
  const common = { form, name, label, hint, optional: !field.required };
  switch (field.type) {
    case 'textarea':
      return <Textarea {...common} rows={5} />;
    case 'select':
      return <Select {...common} options={(field.options ?? []).map((o) => ({ value: o.value, label: pick(o.label, ctx.locale) }))} placeholder={ctx.t('ui.choose')} />;
    case 'checkbox':
      return <SingleCheckbox {...common} />;
    case 'number':
      return <TextInput {...common} inputMode="decimal" width="s" />;
    case 'date':
      return <TextInput {...common} type="date" width="s" />;
    case 'email':
      return <TextInput {...common} type="email" autocomplete="email" width="m" spellcheck={false} />;
    case 'phone':
      return <TextInput {...common} type="tel" autocomplete="tel" width="m" />;
    case 'psn':
    case 'tax_id':
    case 'cadastral_code':
      return <TextInput {...common} inputMode={field.type === 'cadastral_code' ? undefined : 'numeric'} width="m" spellcheck={false} />;
    default:
      return <TextInput {...common} />;
  }
}

function SingleCheckbox({ form, name, label, hint }: { form: FormState; name: string; label: string; hint?: string | undefined }) {
  const error = form.errors?.[name];
  const id = fieldId(name);
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div class={error ? 'field field-error' : 'field'}>
      {error && <p class="error-message" id={`${id}-error`}><span class="visually-hidden">{form.t('ui.errorPrefix')} </span>{form.t(error)}</p>}
      <div class="checkbox">
        <input type="checkbox" id={id} name={name} value="on" checked={form.values?.[name] === 'on'} aria-describedby={described} aria-invalid={error ? 'true' : undefined} />
        <label for={id}>{label}</label>
        {hint && <p class="hint" id={`${id}-hint`}>{hint}</p>}
      </div>
    </div>
  );
}

/** Radios in a fieldset; the first carries the id the error summary links to. */
export function RadioGroup({ form, name, legend, items, value }: { form: FormState; name: string; legend: string; items: { value: string; label: string }[]; value?: string }) {
  const error = form.errors?.[name];
  const current = value ?? form.values?.[name];
  return (
    <div class={error ? 'field field-error' : 'field'}>
      <fieldset class="fieldset" aria-describedby={error ? `${fieldId(name)}-error` : undefined}>
        <legend class="label">{legend}</legend>
        {error && <p class="error-message" id={`${fieldId(name)}-error`}><span class="visually-hidden">{form.t('ui.errorPrefix')} </span>{form.t(error)}</p>}
        {items.map((item, i) => {
          const id = i === 0 ? fieldId(name) : `${fieldId(name)}-${i + 1}`;
          return (
            <div class="checkbox">
              <input type="radio" id={id} name={name} value={item.value} checked={current === item.value} />
              <label for={id}>{item.label}</label>
            </div>
          );
        })}
      </fieldset>
    </div>
  );
}

/** Where the person is in the guided form; steps already reachable are links. */
export function StepIndicator({ ctx, current, hrefOf }: { ctx: Ctx; current: Step; hrefOf: (s: Step) => string | null }) {
  const steps: Step[] = ['applicant', 'details', 'documents', 'review'];
  return (
    <nav aria-label={ctx.t('services.portal.steps')}>
      <ol class="steps">
        {steps.map((s, i) => {
          const label = `${i + 1}. ${ctx.t(`services.portal.step.${s}`)}`;
          const href = hrefOf(s);
          if (s === current) return <li class="step-current"><span aria-current="step">{label}</span></li>;
          return <li>{href ? <a href={href}>{label}</a> : <span>{label}</span>}</li>;
        })}
      </ol>
    </nav>
  );
}

export function feeText(ctx: Ctx, amount: number): string {
  return amount > 0 ? formatAmd(amount) : ctx.t('services.portal.fee.none');
}

/** "Within 2 working days of registration". */
export function deadlineText(ctx: Ctx, spec: ServiceSpec): string {
  const key = spec.deadline.unit === 'working' ? 'services.portal.deadline.working' : 'services.portal.deadline.calendar';
  return ctx.t(key, { days: spec.deadline.days });
}
