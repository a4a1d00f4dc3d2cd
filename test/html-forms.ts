// The forms a page shows, read from its HTML as a browser would submit them: each POST form's
// action and its fields with their current values (inputs, the checked boxes, the selected
// options, the text of text areas) and whether each is required. For suites that fill in
// and post every form of the app.

export interface HtmlField {
  name: string;
  /** input type, or 'textarea' / 'select'. */
  type: string;
  value: string;
  required: boolean;
  /** The values a select offers (empty for other fields). */
  options: string[];
}

export interface HtmlForm {
  action: string;
  multipart: boolean;
  fields: HtmlField[];
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

export function decodeHtml(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    return ENTITIES[e.toLowerCase()] ?? m;
  });
}

function attr(attrs: string, name: string): string | undefined {
  const m = new RegExp(`(?:^|\\s)${name}(?:="([^"]*)")?(?=\\s|$|/)`, 'i').exec(attrs);
  if (!m) return undefined;
  return decodeHtml(m[1] ?? '');
}

/** The POST forms of a page; `pageUrl` is where a form without an action posts. */
export function postForms(html: string, pageUrl: string): HtmlForm[] {
  const out: HtmlForm[] = [];
  for (const m of html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/gi)) {
    const attrs = m[1]!;
    if ((attr(attrs, 'method') ?? 'get').toLowerCase() !== 'post') continue;
    const body = m[2]!;
    const fields: HtmlField[] = [];
    // The platform's fields are required unless their label says "optional" (ui/components.tsx Field).
    const labels = new Map([...body.matchAll(/<label\b([^>]*)>([\s\S]*?)<\/label>/gi)].map((l) => [attr(l[1]!, 'for') ?? '', !/class="muted"/.test(l[2]!)]));
    const required = (a: string) => attr(a, 'required') !== undefined || labels.get(attr(a, 'id') ?? '\u0000') === true;
    for (const i of body.matchAll(/<input\b([^>]*)>/gi)) {
      const a = i[1]!;
      const name = attr(a, 'name');
      const type = (attr(a, 'type') ?? 'text').toLowerCase();
      if (!name || type === 'submit' || type === 'button' || type === 'file' || type === 'image' || type === 'reset') continue;
      if ((type === 'checkbox' || type === 'radio') && attr(a, 'checked') === undefined) continue;
      fields.push({ name, type, value: attr(a, 'value') ?? (type === 'checkbox' ? 'on' : ''), required: required(a), options: [] });
    }
    for (const t of body.matchAll(/<textarea\b([^>]*)>([\s\S]*?)<\/textarea>/gi)) {
      const name = attr(t[1]!, 'name');
      if (name) fields.push({ name, type: 'textarea', value: decodeHtml(t[2]!), required: required(t[1]!), options: [] });
    }
    for (const s of body.matchAll(/<select\b([^>]*)>([\s\S]*?)<\/select>/gi)) {
      const name = attr(s[1]!, 'name');
      if (!name) continue;
      const options = [...s[2]!.matchAll(/<option\b([^>]*)>([\s\S]*?)<\/option>/gi)].map((o) => ({ value: attr(o[1]!, 'value') ?? decodeHtml(o[2]!), selected: attr(o[1]!, 'selected') !== undefined }));
      const chosen = options.find((o) => o.selected) ?? options.find((o) => o.value !== '') ?? options[0];
      fields.push({ name, type: 'select', value: chosen?.value ?? '', required: required(s[1]!), options: options.map((o) => o.value) });
    }
    out.push({ action: attr(attrs, 'action') || pageUrl, multipart: /multipart\/form-data/i.test(attr(attrs, 'enctype') ?? ''), fields });
  }
  return out;
}
