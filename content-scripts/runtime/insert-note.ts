/**
 * "Insert into the PSA note field": put the recap text into the PSA's own note box so the user can
 * review and save it. Never submits anything. Prefers the PSA's quick-note / discussion box, then a
 * textarea labelled like a note, then the focused textarea.
 */
const NOTE_SELECTORS = [
  '.QuickNote textarea', // Autotask
  'textarea[name*="note" i]',
  'textarea[id*="note" i]',
  'textarea[aria-label*="note" i]',
  'textarea[placeholder*="note" i]',
  'textarea[aria-label*="discussion" i]',
  'textarea[placeholder*="discussion" i]',
  'textarea[name*="discussion" i]',
  'textarea[aria-label*="reply" i]',
];

export function findNoteField(doc: Document): HTMLTextAreaElement | null {
  for (const sel of NOTE_SELECTORS) {
    const el = doc.querySelector<HTMLTextAreaElement>(sel);
    if (el && !el.disabled && !el.readOnly) return el;
  }
  const active = doc.activeElement;
  if (active instanceof doc.defaultView!.HTMLTextAreaElement && !active.disabled && !active.readOnly) return active;
  return null;
}

export function insertNote(doc: Document, text: string): { ok: true } | { ok: false; error: string } {
  const field = findNoteField(doc);
  if (!field) return { ok: false, error: 'No note field found on this page. Open the ticket’s note box and try again.' };
  const proto = Object.getPrototypeOf(field) as object;
  const setter = Object.getOwnPropertyDescriptor(proto, 'value')?.set;
  const next = field.value.trim() ? `${field.value}\n\n${text}` : text;
  // The native setter, so frameworks that track the value (React, GWT) see the change.
  if (setter) setter.call(field, next);
  else field.value = next;
  field.dispatchEvent(new Event('input', { bubbles: true }));
  field.dispatchEvent(new Event('change', { bubbles: true }));
  field.focus();
  return { ok: true };
}
