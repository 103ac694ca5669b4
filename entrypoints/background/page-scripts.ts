/**
 * Functions the background injects into a PSA tab on request (`scripting.executeScript`, all
 * frames — Autotask's note box lives in an iframe). Each must be self-contained: it is serialised
 * and runs in the page, with nothing from this module around it.
 */

/**
 * "Insert into the PSA note field": put the recap into the PSA's own note box for the user to review
 * and save. Never submits. Prefers the quick-note / discussion box, then a textarea labelled like a
 * note, then the focused textarea. Returns null in frames without a note field.
 */
export function insertNoteInPage(text: string): { ok: true; where: string } | null {
  const selectors = [
    '.QuickNote textarea',
    'textarea[name*="note" i]',
    'textarea[id*="note" i]',
    'textarea[aria-label*="note" i]',
    'textarea[placeholder*="note" i]',
    'textarea[aria-label*="discussion" i]',
    'textarea[placeholder*="discussion" i]',
    'textarea[name*="discussion" i]',
    'textarea[aria-label*="reply" i]',
  ];
  let field: HTMLTextAreaElement | null = null;
  for (const sel of selectors) {
    const el = document.querySelector<HTMLTextAreaElement>(sel);
    if (el && !el.disabled && !el.readOnly) {
      field = el;
      break;
    }
  }
  const active = document.activeElement;
  if (!field && active instanceof HTMLTextAreaElement && !active.disabled && !active.readOnly) field = active;
  if (!field) return null;
  const next = field.value.trim() ? `${field.value}\n\n${text}` : text;
  // The native setter, so frameworks that track the value (React, GWT) see the change.
  const setter = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')?.set;
  if (setter) setter.call(field, next);
  else field.value = next;
  field.dispatchEvent(new Event('input', { bubbles: true }));
  field.dispatchEvent(new Event('change', { bubbles: true }));
  field.focus();
  return { ok: true, where: location.href };
}
