// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../engine/config';
import { cachedConfig, forgetConfig, hasCachedConfig, rememberConfig } from './configCache';

afterEach(forgetConfig);

describe('configCache — the resolved configuration remembered between panel opens', () => {
  it('returns what was remembered for the same overrides only', () => {
    expect(hasCachedConfig()).toBe(false);
    expect(cachedConfig(undefined)).toBeUndefined();
    const berlin = { ...DEFAULT_CONFIG, calendar: { ...DEFAULT_CONFIG.calendar, timeZone: 'Europe/Berlin' } };
    rememberConfig({ calendar: { timeZone: 'Europe/Berlin' } }, berlin);
    expect(hasCachedConfig()).toBe(true);
    expect(cachedConfig({ calendar: { timeZone: 'Europe/Berlin' } })).toEqual(berlin);
    expect(cachedConfig({ calendar: { timeZone: 'Europe/Paris' } })).toBeUndefined();
    expect(cachedConfig(undefined)).toBeUndefined();
  });

  it('no overrides is its own key; an unreadable entry is no entry', () => {
    rememberConfig(undefined, DEFAULT_CONFIG);
    expect(cachedConfig(undefined)).toEqual(DEFAULT_CONFIG);
    expect(cachedConfig({})).toBeUndefined();
    localStorage.setItem('metronome.resolvedConfig', '{not json');
    expect(cachedConfig(undefined)).toBeUndefined();
    expect(hasCachedConfig()).toBe(false);
    localStorage.setItem('metronome.resolvedConfig', JSON.stringify({ build: 1, overrides: 'null', config: DEFAULT_CONFIG }));
    expect(cachedConfig(undefined)).toBeUndefined();
  });
});
