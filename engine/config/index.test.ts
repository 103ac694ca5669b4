import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, resolveConfig } from './index';
describe('config', () => {
  it('rejects a bad time zone with its path', () => {
    const r = resolveConfig({ calendar: { timeZone: 'Mars/Olympus' } });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]!.path).toBe('calendar.timeZone');
    expect(DEFAULT_CONFIG.calendar.timeZone).toBe('UTC');
  });
});

describe('resolveConfig: user overrides over the DECISIONS.md defaults', () => {
  it('merges objects key by key and keeps every other default', () => {
    const r = resolveConfig({ calendar: { timeZone: 'Europe/Berlin', businessHoursStart: '08:00' } });
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.config.calendar).toMatchObject({ timeZone: 'Europe/Berlin', businessHoursStart: '08:00', businessHoursEnd: '17:00' });
      expect(r.config.health).toEqual(DEFAULT_CONFIG.health);
    }
  });
  it('rejects unknown keys and impossible values with their paths, and changes nothing', () => {
    const r = resolveConfig({ calendar: { businessHoursStart: '18:00' }, typo: 1 });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.map((e) => e.path).sort()).toEqual(['(root)', 'calendar.businessHoursEnd'].sort());
    expect(DEFAULT_CONFIG.calendar.businessHoursStart).toBe('09:00');
  });
});
