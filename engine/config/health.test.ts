import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, MetronomeConfig, resolveConfig } from './index';
import { HEALTH_DEFAULTS, HealthConfig } from './health';
import { SEGMENTS_DEFAULTS, SegmentsConfig } from './segments';

describe('health and segments defaults (DECISIONS §1, §3–§5, §7)', () => {
  it('defaults validate against their schemas and the whole config', () => {
    expect(HealthConfig.safeParse(HEALTH_DEFAULTS).success).toBe(true);
    expect(SegmentsConfig.safeParse(SEGMENTS_DEFAULTS).success).toBe(true);
    expect(MetronomeConfig.safeParse(DEFAULT_CONFIG).success).toBe(true);
  });
  it('carry the binding numbers', () => {
    const h = DEFAULT_CONFIG.health;
    expect(DEFAULT_CONFIG.segments.strategicCadenceDays).toEqual({ A: 30, B: 91, C: 91, D: 182 });
    expect(h.adoption.edges.D).toEqual({ green: 70, red: 50 });
    expect(h.adoption.insights.reduce((s, i) => s + i.weight, 0)).toBe(23);
    expect(h.engagement.weights).toEqual({ cadence: 0.3, mix: 0.3, velocity: 0.25, closure: 0.15 });
    expect(h.quality.weights).toEqual({ sla: 0.3, onTime: 0.25, repeat: 0.25, followThrough: 0.2 });
    expect(h.quality.targets.B).toEqual({ sla: 95, onTime: 85, repeatMax: 8, followThrough: 95 });
    expect(h.composite.edges.A).toEqual({ green: 85, red: 75 });
    expect(h.gates.consecutiveReds).toBe(2);
  });
  it('rejects a Red edge above the Green edge, with its path', () => {
    const r = resolveConfig({ health: { quality: { edges: { B: { green: 70, red: 80 } } } } });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]!.path).toBe('health.quality.edges.B');
  });
  it('rejects a DMI weight outside 1–5 and an unknown key', () => {
    expect(resolveConfig({ health: { adoption: { insights: [{ key: 'mfa', label: 'MFA', weight: 6 }] } } }).ok).toBe(false);
    expect(resolveConfig({ health: { experiance: {} } }).ok).toBe(false);
  });
});
