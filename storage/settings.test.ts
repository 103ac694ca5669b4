import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../engine/config';
import type { MetronomeDb } from './db';
import { getConfig, getConfigOverrides, getSetting, setConfigOverrides, setSetting, setTimeZone, updateConfig } from './settings';
import { freshDb } from './testing';

let db: MetronomeDb;
afterEach(async () => db?.delete());

describe('settings and configuration overrides', () => {
  it('no overrides → DEFAULT_CONFIG', async () => {
    db = freshDb();
    expect(await getConfig(db)).toEqual({ config: DEFAULT_CONFIG, errors: [] });
  });

  it('a valid override is stored and resolved over the defaults', async () => {
    db = freshDb();
    const r = await setConfigOverrides(db, { calendar: { timeZone: 'Europe/Berlin' } });
    expect(r.ok).toBe(true);
    const { config } = await getConfig(db);
    expect(config.calendar.timeZone).toBe('Europe/Berlin');
    expect(config.calendar.businessDays).toEqual([1, 2, 3, 4, 5]);
  });

  it('an invalid override returns its errors and stores nothing', async () => {
    db = freshDb();
    await setConfigOverrides(db, { calendar: { timeZone: 'Europe/Berlin' } });
    const r = await setConfigOverrides(db, { calendar: { timeZone: 'Mars/Olympus' } });
    expect(r).toEqual({ ok: false, errors: [{ path: 'calendar.timeZone', message: 'unknown IANA time zone' }] });
    const typo = await updateConfig(db, { calender: {} });
    expect(typo.ok).toBe(false);
    expect(await getConfigOverrides(db)).toEqual({ calendar: { timeZone: 'Europe/Berlin' } });
  });

  it('updateConfig merges a patch over the stored overrides; setTimeZone is such a patch', async () => {
    db = freshDb();
    await setConfigOverrides(db, { calendar: { businessHoursStart: '08:00' } });
    expect((await setTimeZone(db, 'America/Chicago')).ok).toBe(true);
    expect(await getConfigOverrides(db)).toEqual({ calendar: { businessHoursStart: '08:00', timeZone: 'America/Chicago' } });
    expect((await setTimeZone(db, 'Nowhere/Land')).ok).toBe(false);
    expect((await getConfig(db)).config.calendar.timeZone).toBe('America/Chicago');
  });

  it('stored overrides that no longer validate fall back to the defaults and say why', async () => {
    db = freshDb();
    await db.settings.put({ key: 'config', value: { calendar: { timeZone: 'Old/Zone' } }, updatedAt: '2026-01-01T00:00:00.000Z' });
    const r = await getConfig(db);
    expect(r.config).toEqual(DEFAULT_CONFIG);
    expect(r.errors.map((e) => e.path)).toEqual(['calendar.timeZone']);
  });

  it('plain settings hold JSON only', async () => {
    db = freshDb();
    await setSetting(db, 'sampleLoaded', true);
    expect(await getSetting(db, 'sampleLoaded')).toBe(true);
    await expect(setSetting(db, 'bad', () => 1)).rejects.toThrow(/plain JSON/);
    expect(await getSetting(db, 'bad')).toBeUndefined();
  });
});
