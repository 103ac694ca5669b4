import { describe, expect, it } from 'vitest';
import { claimReaderStart } from './start-once';

const life = (isInvalid = false) => ({ isInvalid });

describe('claimReaderStart: one reader per document, whichever bundle comes first', () => {
  it('the first claim wins; a later one (a retried injection, another bundle) is refused while the first runs', () => {
    const world = {};
    expect(claimReaderStart(life(), world)).toBe(true);
    expect(claimReaderStart(life(), world)).toBe(false);
    expect(claimReaderStart(life(), world)).toBe(false);
  });

  it('takes over when the running reader was invalidated (WXT stops it when its own bundle is injected again)', () => {
    const world = {};
    const first = { isInvalid: false };
    expect(claimReaderStart(first, world)).toBe(true);
    first.isInvalid = true; // the newcomer's WXT context told the older same-named script to stop
    const second = life();
    expect(claimReaderStart(second, world)).toBe(true);
    expect(claimReaderStart(life(), world)).toBe(false); // …and the newcomer now holds the document
    expect((world as Record<string, unknown>).__metronomeReaderStarted).toBe(second);
  });

  it('another document (another isolated world) starts its own reader', () => {
    expect(claimReaderStart(life(), {})).toBe(true);
    expect(claimReaderStart(life(), {})).toBe(true);
  });
});
