// A day typed the Armenian way, dd.mm.yyyy, in a plain text field. An <input type="date">
// shows whatever format the browser's own locale has (mm/dd/yyyy on an English browser),
// which is not what an Armenian form says; this field shows and accepts dd.mm.yyyy (and
// YYYY-MM-DD, for pasted values) and the server reads it with parseDay.
import { formatDay, parseDay } from '../i18n/index.ts';
import { TextInput, type FormState } from './components.tsx';

export function DayInput(props: { form: FormState; name: string; label: string; hint?: string; optional?: boolean; required?: boolean }) {
  const { form, name } = props;
  const raw = form.values?.[name] ?? '';
  // A value the server has already read (YYYY-MM-DD) is shown as people write it.
  const shown = parseDay(raw) && /^\d{4}-/.test(raw) ? formatDay(raw) : raw;
  return (
    <TextInput
      form={form}
      name={name}
      label={props.label}
      hint={props.hint ?? form.t('ui.day.hint')}
      value={shown}
      width="s"
      inputMode="numeric"
      autocomplete="off"
      spellcheck={false}
      {...(props.optional ? { optional: true } : {})}
      {...(props.required ? { required: true } : {})}
    />
  );
}
