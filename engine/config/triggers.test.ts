import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, resolveConfig } from './index';
import { TRIGGERS_DEFAULTS, TriggersConfig } from './triggers';

describe('trigger configuration (DECISIONS §5 defaults)', () => {
  it('the defaults pass their own schema', () => {
    expect(TriggersConfig.safeParse(TRIGGERS_DEFAULTS).success).toBe(true);
  });
  it('carries the DECISIONS §5 numbers', () => {
    const t = DEFAULT_CONFIG.triggers;
    expect(t.firstAction).toEqual({ amount: 3, unit: 'businessDays' }); // 72 h, business-aware
    expect(t.cadence.renewal.offsetDays).toBe(-90);
    expect(t.cadence.renewal.owner).toBe('am');
    expect(t.cadence.renewal.accountableBySegment).toEqual({ A: 'vcio', B: 'vcio' });
    expect(t.cadence.fiscalYearEnd.offsetDays).toBe(-30);
    expect(t.cadence.assessmentRoadmap.withinDays).toBe(10);
    expect(t.cadence.initiativeKickoff.dueBy).toEqual({ amount: 5, unit: 'businessDays' });
    expect(t.cadence.engagementDrop.dueBy).toEqual({ amount: 7, unit: 'calendarDays' });
    expect(t.cadence.adoptionFixFirst).toMatchObject({ owner: 'tam', dueBy: { amount: 5, unit: 'calendarDays' } });
    expect(DEFAULT_CONFIG.health.adoption.fixFirst).toEqual([{ insight: 'mfa', below: 60 }, { insight: 'endpoint', below: 80 }]); // CAD-6 reads these
    expect(t.plays.backupFailing).toMatchObject({ owner: 'tam', insight: 'backup', below: 95, dueBy: { amount: 3, unit: 'calendarDays' } });
    expect(t.plays.cxDown).toMatchObject({ owner: 'csm', dueBy: { amount: 2, unit: 'businessDays' } });
    expect(t.plays.alignmentLow).toMatchObject({ owner: 'vcio', dueBy: { amount: 7, unit: 'calendarDays' } });
    expect(t.plays.stakeholderChange).toMatchObject({ owner: 'csm', enabled: true, dueBy: { amount: 10, unit: 'calendarDays' } });
    expect(t.plays.missedSla).toMatchObject({ owner: 'tam', enabled: true });
    expect(t.atRisk.severity).toEqual({ highMin: 6, mediumMin: 3 });
    expect(t.atRisk.acknowledge.high).toEqual({ amount: 4, unit: 'businessHours' });
    expect(t.atRisk.acknowledge.medium).toEqual({ amount: 1, unit: 'businessDays' });
    expect(t.atRisk.escalateAfterDays).toBe(60);
    expect(t.proposals).toMatchObject({ resetAfterDays: 30, resequenceAfterDays: 60 });
  });
  it('checklist step ids are unique within each play', () => {
    const plays: { checklist: { id: string }[] }[] = [];
    const t = TRIGGERS_DEFAULTS;
    plays.push(...Object.values(t.cadence), ...Object.values(t.missed), ...Object.values(t.plays), t.red.experience, t.atRisk.savePlan, t.atRisk.escalation, t.proposals.reset, t.proposals.resequence);
    for (const dim of [t.red.engagement, t.red.quality, t.red.alignment]) plays.push(...dim.plays, dim.fallback);
    const all = plays.flatMap((p) => p.checklist.map((s) => s.id));
    expect(new Set(all).size).toBe(all.length);
  });
  it('rejects a bad override with its path and keeps the rest', () => {
    const r = resolveConfig({ triggers: { proposals: { resequenceAfterDays: 20 } } });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]!.path).toBe('triggers.proposals.resequenceAfterDays');
    const r2 = resolveConfig({ triggers: { firstAction: { amount: 1.5, unit: 'businessDays' } } });
    expect(r2.ok).toBe(false);
    const ok = resolveConfig({ triggers: { plays: { stakeholderChange: { enabled: false } } } });
    expect(ok.ok && ok.config.triggers.plays.stakeholderChange.enabled).toBe(false);
  });
});
