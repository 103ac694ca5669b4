import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, resolveConfig } from './config';
describe('config', () => {
  it('rejects a bad time zone with its path', () => {
    const r = resolveConfig({ calendar: { timeZone: 'Mars/Olympus' } });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]!.path).toBe('calendar.timeZone');
    expect(DEFAULT_CONFIG.calendar.timeZone).toBe('UTC');
  });
});
