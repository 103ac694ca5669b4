// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { insertNoteInPage } from './page-scripts';

describe('insertNoteInPage (injected into PSA frames)', () => {
  it('fills the Autotask quick note box as text and fires input/change', () => {
    document.body.innerHTML = '<textarea id="other"></textarea><div class="QuickNote"><textarea></textarea></div>';
    const field = document.querySelector<HTMLTextAreaElement>('.QuickNote textarea')!;
    const events: string[] = [];
    field.addEventListener('input', () => events.push('input'));
    field.addEventListener('change', () => events.push('change'));
    expect(insertNoteInPage('We heard <img src=x onerror=alert(1)>')).toMatchObject({ ok: true });
    expect(field.value).toBe('We heard <img src=x onerror=alert(1)>');
    expect(document.querySelector('img')).toBeNull();
    expect(events).toEqual(['input', 'change']);
  });
  it('appends below existing text', () => {
    document.body.innerHTML = '<textarea name="internalNotes">Existing</textarea>';
    insertNoteInPage('Recap');
    expect(document.querySelector('textarea')!.value).toBe('Existing\n\nRecap');
  });
  it('answers null in a frame without a usable note field', () => {
    document.body.innerHTML = '<textarea disabled name="note"></textarea>';
    expect(insertNoteInPage('x')).toBeNull();
  });
  it('is self-contained (it is serialised into the page)', () => {
    expect(insertNoteInPage.toString()).not.toMatch(/\b(import|require)\b/);
  });
});
