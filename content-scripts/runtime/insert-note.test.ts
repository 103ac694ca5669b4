// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { findNoteField, insertNote } from './insert-note';

describe('insertNote', () => {
  it('fills the Autotask quick note box as text and fires input/change', () => {
    document.body.innerHTML = '<textarea id="other"></textarea><div class="QuickNote"><textarea></textarea></div>';
    const field = document.querySelector<HTMLTextAreaElement>('.QuickNote textarea')!;
    const events: string[] = [];
    field.addEventListener('input', () => events.push('input'));
    field.addEventListener('change', () => events.push('change'));
    const r = insertNote(document, 'We heard <img src=x onerror=alert(1)>');
    expect(r).toEqual({ ok: true });
    expect(field.value).toBe('We heard <img src=x onerror=alert(1)>');
    expect(document.querySelector('img')).toBeNull();
    expect(events).toEqual(['input', 'change']);
  });
  it('appends below existing text', () => {
    document.body.innerHTML = '<textarea name="internalNotes">Existing</textarea>';
    insertNote(document, 'Recap');
    expect(findNoteField(document)!.value).toBe('Existing\n\nRecap');
  });
  it('says so when there is no note field', () => {
    document.body.innerHTML = '<textarea disabled name="note"></textarea>';
    const r = insertNote(document, 'x');
    expect(r.ok).toBe(false);
  });
});
