// What the accounts pages share: their form state, its adapter to the design system's
// form state, and a password box. Plain HTML forms built from the design system
// (src/platform/ui/components.tsx): everything works without JavaScript; every input has
// a label, errors are listed in a summary at the top that links to the fields (id="field-<name>").
import type { Ctx } from '../../platform/http/context.ts';
import type { FieldErrors } from '../../platform/http/errors.ts';
import { Field, fieldId, type FormState as UiForm } from '../../platform/ui/components.tsx';
import type { MessageKey } from '../../platform/i18n/index.ts';

type Values = Record<string, string>;

export interface FormState {
  values?: Values;
  errors?: FieldErrors;
  /** A form-wide message already translated (e.g. with a time in it), linked to `formErrorField`. */
  formError?: string;
  formErrorField?: string;
}

/** Stands in the error map for `formError`, which arrives already translated. */
const FORM_ERROR = '\u0000formError' as MessageKey;

/**
 * The design system's form state for one of these forms: errors about the whole form
 * (`_form`, or a translated `formError`) are shown against the field `first`.
 */
export function uiForm(ctx: Ctx, state: FormState, first: string): UiForm {
  const errors: FieldErrors = {};
  if (state.formError) errors[state.formErrorField ?? first] = FORM_ERROR;
  for (const [name, key] of Object.entries(state.errors ?? {})) {
    const field = name === '_form' ? first : name;
    errors[field] ??= key;
  }
  const t: UiForm['t'] = (key, params) => (key === FORM_ERROR ? (state.formError ?? '') : ctx.t(key, params));
  return { t, errors, values: state.values };
}

/** A password box: never echoes a value back (the design system's TextInput does). */
export function PasswordInput({ form, name, label, hint, autocomplete }: { form: UiForm; name: string; label: string; hint?: string; autocomplete: 'current-password' | 'new-password' }) {
  const id = fieldId(name);
  const error = form.errors?.[name];
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <Field form={form} name={name} label={label} hint={hint}>
      <input
        class="input input-l"
        type="password"
        id={id}
        name={name}
        autocomplete={autocomplete}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={described || undefined}
      />
    </Field>
  );
}
