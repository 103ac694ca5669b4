/**
 * HTML escaping for the rich-text recap. Every value that reaches the HTML output goes through
 * `escapeHtml`: recap text can come from page text (Readability), so it is never trusted as markup.
 */
const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
}

/** Escaped text with line breaks kept as `<br>`. */
export function escapeMultiline(value: string): string {
  return value
    .split(/\r?\n/)
    .map((l) => escapeHtml(l))
    .join('<br>');
}
