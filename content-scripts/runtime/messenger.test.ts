import { describe, expect, it } from 'vitest';
import { hashString } from './messenger';

describe('hashString', () => {
  it('is stable and sensitive to content', () => {
    expect(hashString('ticket 284511')).toBe(hashString('ticket 284511'));
    expect(hashString('ticket 284511')).not.toBe(hashString('ticket 284512'));
    expect(hashString('')).toBe('811c9dc5');
  });
});
