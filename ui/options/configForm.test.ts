import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, resolveConfig } from '../../engine/config';
import {
  CONFIG_SECTIONS,
  claimedPaths,
  diffOverrides,
  draftFrom,
  errorsAt,
  getAt,
  itemsUnder,
  labelForPath,
  normaliseErrorPath,
  overridesFrom,
  parseNumberInput,
  setAt,
  timeZoneOptions,
  unclaimedErrors,
  validateDraft,
} from './configForm';

describe('path helpers', () => {
  it('setAt copies along the path and never mutates the (frozen) defaults', () => {
    const next = setAt(DEFAULT_CONFIG, 'segments.strategicCadenceDays.B', 60);
    expect(getAt(next, 'segments.strategicCadenceDays.B')).toBe(60);
    expect(DEFAULT_CONFIG.segments.strategicCadenceDays.B).toBe(91);
    expect(next.health).toBe(DEFAULT_CONFIG.health); // untouched branches are shared
  });

  it('setAt into an array element keeps the array an array', () => {
    const next = setAt(DEFAULT_CONFIG, 'health.adoption.insights.0.weight', 3);
    expect(Array.isArray(next.health.adoption.insights)).toBe(true);
    expect(next.health.adoption.insights[0]).toEqual({ key: 'mfa', label: 'MFA registration', weight: 3 });
    expect(next.health.adoption.insights[1]).toBe(DEFAULT_CONFIG.health.adoption.insights[1]);
  });
});

describe('diffOverrides / overridesFrom — Save sends only what differs from DECISIONS defaults', () => {
  it('no change → {}', () => {
    expect(overridesFrom(DEFAULT_CONFIG)).toEqual({});
  });

  it('one number → a minimal nested override that resolves to the same config', () => {
    const draft = setAt(DEFAULT_CONFIG, 'health.execSponsorDays', 90);
    const o = overridesFrom(draft);
    expect(o).toEqual({ health: { execSponsorDays: 90 } });
    const r = resolveConfig(o);
    expect(r.ok && r.config.health.execSponsorDays).toBe(90);
  });

  it('arrays are sent whole (the config merge replaces arrays)', () => {
    const draft = setAt(DEFAULT_CONFIG, 'health.adoption.insights.6.weight', 1);
    const o = overridesFrom(draft) as { health: { adoption: { insights: unknown[] } } };
    expect(o.health.adoption.insights).toHaveLength(7);
    expect(resolveConfig(o).ok).toBe(true);
  });

  it('a value set back to its default disappears from the overrides (reset removes the override)', () => {
    const changed = setAt(DEFAULT_CONFIG, 'calendar.holidays', ['2026-12-25']);
    const back = setAt(changed, 'calendar.holidays', []);
    expect(overridesFrom(changed)).toEqual({ calendar: { holidays: ['2026-12-25'] } });
    expect(overridesFrom(back)).toEqual({});
  });

  it('object key order does not count as a difference', () => {
    expect(diffOverrides({ a: [{ x: 1, y: 2 }] }, { a: [{ y: 2, x: 1 }] })).toBeUndefined();
  });
});

describe('draftFrom — time zone defaults to the browser\'s', () => {
  it('nothing stored → the browser zone is proposed (and counts as a change to save)', () => {
    const d = draftFrom(undefined, 'Europe/Berlin');
    expect(d.config.calendar.timeZone).toBe('Europe/Berlin');
    expect(d.timeZoneFromBrowser).toBe(true);
    expect(overridesFrom(d.config)).toEqual({ calendar: { timeZone: 'Europe/Berlin' } });
  });

  it('a stored zone wins over the browser', () => {
    const d = draftFrom({ calendar: { timeZone: 'America/New_York' } }, 'Europe/Berlin');
    expect(d.config.calendar.timeZone).toBe('America/New_York');
    expect(d.timeZoneFromBrowser).toBe(false);
  });

  it('invalid stored overrides → their errors, and a draft from the defaults', () => {
    const d = draftFrom({ health: { execSponsorDays: -1 } }, 'UTC');
    expect(d.storedErrors.map((e) => e.path)).toEqual(['health.execSponsorDays']);
    expect(d.config.health.execSponsorDays).toBe(120);
  });
});

describe('fields generated from the config structure', () => {
  it('per-segment numbers become one grid; per-segment objects a grid with their numeric columns', () => {
    const [cadence] = itemsUnder('segments.strategicCadenceDays');
    expect(cadence).toMatchObject({ kind: 'grid', columns: [], unit: 'days', label: 'Strategic meeting every' });
    const [weights] = itemsUnder('health.composite.weights');
    expect(weights).toMatchObject({ kind: 'grid' });
    expect(weights!.kind === 'grid' && weights!.columns.map((c) => c.key)).toEqual(['experience', 'adoption', 'engagement', 'quality', 'alignment']);
    const [edges] = itemsUnder('health.composite.edges');
    expect(edges!.kind === 'grid' && edges!.columns.map((c) => c.label)).toEqual(['Green at or above', 'Red below']);
  });

  it('nested numbers are listed with their parent as prefix; arrays and strings are skipped', () => {
    const eng = itemsUnder('health.engagement');
    expect(eng.map((i) => i.path)).toContain('health.engagement.red.cadenceBelow');
    expect(eng.find((i) => i.path === 'health.engagement.red.cadenceBelow')!.label).toBe('Red: cadence below');
    expect(eng.some((i) => i.path.includes('complaintCauses'))).toBe(false);
  });

  it('the key thresholds of the brief are all editable (pulse bands, exec sponsor days, SLA min tickets)', () => {
    const paths = CONFIG_SECTIONS.flatMap((s) => s.items.map((i) => i.path));
    for (const p of [
      'health.experience.pulse.green',
      'health.experience.pulse.yellow',
      'health.execSponsorDays',
      'health.quality.minTickets',
      'triggers.atRisk.detect.slaMinTickets',
      'segments.strategicCadenceDays',
      'health.composite.weights',
      'health.composite.edges',
      'portfolio.recap.targetPct',
      'portfolio.coverage.horizonDays',
      'portfolio.execSponsorTargetPct',
    ])
      expect(paths, p).toContain(p);
    // every generated path exists in the defaults
    for (const p of paths) expect(getAt(DEFAULT_CONFIG, p), p).not.toBeUndefined();
  });
});

describe('errors beside fields', () => {
  const errors = [
    { path: 'health.composite.edges.A', message: 'the Red edge must not be above the Green edge' },
    { path: 'health.execSponsorDays', message: 'Too small' },
    { path: 'triggers.plays.cxDown.title', message: 'Too short' },
  ];

  it('errorsAt matches the path and what is inside it, not a sibling with the same prefix', () => {
    expect(errorsAt(errors, 'health.composite.edges')).toHaveLength(1);
    expect(errorsAt(errors, 'health.exec')).toHaveLength(0);
  });

  it('errors no field shows go to the summary', () => {
    expect(unclaimedErrors(errors, claimedPaths())).toEqual([errors[2]]);
  });

  it('labels and paths for the summary; "overrides." prefix stripped', () => {
    expect(labelForPath('health.composite.edges.A')).toBe('Overall colour edges (composite score), segment A');
    expect(labelForPath('health.composite.edges.B.red')).toBe('Overall colour edges (composite score), segment B, Red');
    expect(normaliseErrorPath('overrides.health.recapHours')).toBe('health.recapHours');
    expect(normaliseErrorPath('overrides')).toBe('(root)');
  });

  it('validateDraft reports the schema\'s own rules (Red edge above Green)', () => {
    const bad = setAt(DEFAULT_CONFIG, 'health.composite.edges.A.red', 90);
    expect(validateDraft(bad)).toEqual([{ path: 'health.composite.edges.A', message: 'the Red edge must not be above the Green edge' }]);
    expect(validateDraft(DEFAULT_CONFIG)).toEqual([]);
  });
});

describe('inputs', () => {
  it('parseNumberInput: numbers (comma decimal ok) or undefined', () => {
    expect(parseNumberInput('4.5')).toBe(4.5);
    expect(parseNumberInput('4,5')).toBe(4.5);
    expect(parseNumberInput(' 120 ')).toBe(120);
    expect(parseNumberInput('')).toBeUndefined();
    expect(parseNumberInput('12abc')).toBeUndefined();
    expect(parseNumberInput('Infinity')).toBeUndefined();
  });

  it('time zone options always include UTC and the current value, sorted', () => {
    expect(timeZoneOptions('Mars/Base', () => ['Europe/Berlin', 'America/New_York'])).toEqual(['America/New_York', 'Europe/Berlin', 'Mars/Base', 'UTC']);
  });
});
