// Rich text from the editor is HTML typed or pasted by staff. It is cleaned on the server
// with sanitize-html against an allowlist before it is stored, so what the site serves can
// never carry a script, an event handler, a javascript: link or an inline style, whatever
// the browser that sent it allowed. Stored bodies are therefore safe to render as they are.
import sanitizeHtml from 'sanitize-html';

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    'p', 'br', 'h2', 'h3', 'h4', 'strong', 'b', 'em', 'i', 'u', 's', 'blockquote', 'ul', 'ol', 'li',
    'a', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'caption', 'figure', 'figcaption', 'img', 'hr', 'abbr',
  ],
  allowedAttributes: {
    // rel is set by the transform below.
    a: ['href', 'title', 'hreflang', 'rel'],
    img: ['src', 'alt', 'width', 'height'],
    th: ['scope', 'colspan', 'rowspan'],
    td: ['colspan', 'rowspan'],
    abbr: ['title'],
  },
  // No inline styles or classes at all: the site's one design decides how things look.
  allowedStyles: {},
  allowedSchemes: ['https', 'http', 'mailto', 'tel'],
  allowedSchemesByTag: { img: ['https', 'http'] },
  allowProtocolRelative: false,
  // Text inside removed elements such as <script> and <style> is dropped, not kept as text.
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'iframe', 'object', 'embed'],
  disallowedTagsMode: 'discard',
  transformTags: {
    // Links out of the site open as ordinary links but never hand over the page (rel).
    a: (tagName, attribs) => ({ tagName, attribs: /^https?:/i.test(attribs.href ?? '') ? { ...attribs, rel: 'noopener noreferrer' } : attribs }),
    // An editor's h1 becomes h2: the page's title is its only h1.
    h1: 'h2',
  },
};

/** The stored form of a rich-text field: sanitized HTML, or null when nothing is left. */
export function sanitizeRichText(html: string | null | undefined): string | null {
  if (!html) return null;
  const clean = sanitizeHtml(html, OPTIONS).trim();
  return clean.replace(/<p>\s*<\/p>/g, '').trim() === '' ? null : clean;
}

/** Plain text of a body, for summaries, search and feeds' descriptions. */
export function plainText(html: string | null | undefined): string {
  if (!html) return '';
  return sanitizeHtml(html, { allowedTags: [], allowedAttributes: {}, nonTextTags: ['script', 'style'] })
    .replace(/&nbsp;/g, ' ').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'")
    .replace(/\s+/g, ' ').trim();
}

/** Text written as paragraphs (a textarea without markup) becomes safe paragraphs. */
export function paragraphs(text: string): string {
  return text.split(/\n{2,}/).map((p) => `<p>${sanitizeHtml(p.trim(), { allowedTags: [], allowedAttributes: {} }).replace(/\n/g, '<br>')}</p>`).join('');
}
