import { describe, expect, it } from 'vitest';
import type { StakeholderChangeSignal } from '../signals';
import { adoption, complaint, nextId, pulse, userSource } from '../testing/factories';
import { makeContext } from './context';
import { corePlays, redPlays } from './plays';
import { driver, triggerInput, type InputSpec } from './testing';

const asOf = '2026-11-20T09:00:00-05:00';
const core = (s: Partial<InputSpec>, fixFirstOpen = false) => corePlays(makeContext(triggerInput({ asOf, ...s })), { fixFirstOpen });
const red = (s: Partial<InputSpec>) => redPlays(makeContext(triggerInput({ asOf, ...s })));
const src = (observedAt: string) => ({ signalId: 's1', url: 'https://x/1', host: 'x', pageType: 'ticket', observedAt });

const stakeholder = (change: StakeholderChangeSignal['change'], at: string, exec: boolean): StakeholderChangeSignal => ({
  id: nextId('sc'),
  accountId: 'acct-1',
  observedAt: at,
  source: userSource,
  kind: 'stakeholderChange',
  name: 'Dana Lee',
  title: 'CFO',
  change,
  exec,
  at,
});

describe('CX down [L259]: negative pulse or complaint → CSM, 48 h, per event', () => {
  it('a complaint fires a CTA with the "We heard / We\'ll change / You\'ll see" note', () => {
    const c = complaint('Follow-through', '2026-11-10T15:00:00-05:00');
    const [cta] = core({ signals: [c] });
    expect(cta).toMatchObject({
      trigger: 'cxDown',
      period: `complaint-${c.id}`,
      firedAt: '2026-11-10T15:00:00-05:00',
      dueBy: '2026-11-12T15:00:00-05:00', // 48 h business-aware
      firstActionDue: '2026-11-12T15:00:00-05:00', // capped at dueBy
      owner: { role: 'csm', name: 'Casey CSM' },
      dimension: 'experience',
    });
    expect(cta!.why).toBe('Complaint logged Nov 10 (root cause: Follow-through): Follow-through complaint');
    expect(cta!.draft?.kind).toBe('note');
    expect(cta!.draft?.body).toContain("We heard: Follow-through complaint\nWe'll change: [what we will change]\nYou'll see: [what the client will see] by Tue 24 Nov 2026");
  });
  it('pulse 3 fires (< 4), pulse 4 does not; "what was missing" becomes "we heard"', () => {
    const low = { ...pulse(3, '2026-11-12T11:00:00-05:00'), missing: 'No decisions' };
    const ctas = core({ signals: [low, pulse(4, '2026-11-13T11:00:00-05:00')] });
    expect(ctas).toHaveLength(1);
    expect(ctas[0]!.why).toBe('Pulse 3 / 5 on Nov 12 (< 4); "What was missing?": No decisions.');
    expect(ctas[0]!.draft?.body).toContain('We heard: No decisions');
  });
  it('events older than the 30-day look-back or after asOf are ignored', () => {
    expect(core({ signals: [complaint('Quality', '2026-10-20T08:00:00-04:00'), complaint('Quality', '2026-11-21T08:00:00-05:00')] })).toEqual([]);
  });
  it('Friday-evening complaint: due two business days later (Tue close)', () => {
    const [cta] = core({ signals: [complaint('Cadence', '2026-11-13T19:00:00-05:00')] });
    expect(cta!.dueBy).toBe('2026-11-17T17:00:00-05:00');
  });
});

describe('Adoption below threshold, Alignment low, Missed SLA, Stakeholder change', () => {
  it('adoption Red → TAM 5 d; suppressed while CAD-6 fix-first is open', () => {
    const dims = { adoption: { colour: 'red' as const, score: 48.2, drivers: [driver('mfa', false, { label: 'MFA registration', display: '40%', target: '≥ 60%' })] } };
    const [cta] = core({ dims });
    expect(cta).toMatchObject({ trigger: 'adoptionBelowThreshold', period: '2026-11', owner: { role: 'tam' }, firedAt: '2026-11-01T00:00:00-04:00', dueBy: '2026-11-06T00:00:00-05:00' });
    expect(cta!.why).toBe('Adoption is Red: DMI 48.2. MFA registration 40% (target ≥ 60%)');
    expect(core({ dims }, true)).toEqual([]);
  });
  it('alignment Yellow or a Relevance complaint → vCIO 7 d; Red does not (its own plays)', () => {
    const [y] = core({ dims: { alignment: { colour: 'yellow', score: 75 } } });
    expect(y).toMatchObject({ trigger: 'alignmentLow', owner: { role: 'vcio', name: 'Victor vCIO' } });
    expect(y!.why).toBe('Service Level Alignment is Yellow (75).');
    const rel = complaint('Relevance', '2026-11-05T10:00:00-05:00');
    const ctas = core({ signals: [rel], dims: { alignment: { colour: 'green', score: 100 } } });
    expect(ctas.map((c) => c.trigger)).toEqual(['cxDown', 'alignmentLow']);
    expect(ctas[1]!.firedAt).toBe('2026-11-05T10:00:00-05:00');
    expect(core({ dims: { alignment: { colour: 'red', score: 50 } } })).toEqual([]);
  });
  it('optional Missed SLA: SLA driver failing while Quality is Yellow → TAM 5 d; not when Quality is Red; off when disabled', () => {
    const dims = { quality: { colour: 'yellow' as const, drivers: [driver('sla', false, { label: 'SLA adherence', display: '88%', target: '≥ 95%', sources: [src('2026-11-09T12:00:00Z')] })] } };
    const [cta] = core({ dims });
    expect(cta).toMatchObject({ trigger: 'missedSla', firedAt: '2026-11-09T07:00:00-05:00', owner: { role: 'tam' } });
    expect(cta!.why).toBe('SLA below target: SLA adherence 88% (target ≥ 95%).');
    expect(core({ dims: { quality: { ...dims.quality, colour: 'red' } } })).toEqual([]);
    const input = triggerInput({ asOf, dims });
    input.config = { ...input.config, triggers: { ...input.config.triggers, plays: { ...input.config.triggers.plays, missedSla: { ...input.config.triggers.plays.missedSla, enabled: false } } } };
    expect(corePlays(makeContext(input), { fixFirstOpen: false })).toEqual([]);
  });
  it('optional Stakeholder change: an exec left → CSM 10 d; a non-exec change is ignored (execOnly)', () => {
    const ctas = core({ signals: [stakeholder('left', '2026-11-03T12:00:00-05:00', true), stakeholder('joined', '2026-11-04T12:00:00-05:00', false)] });
    expect(ctas).toHaveLength(1);
    expect(ctas[0]).toMatchObject({ trigger: 'stakeholderChange', dueBy: '2026-11-13T12:00:00-05:00', owner: { role: 'csm' } });
    expect(ctas[0]!.why).toBe('Dana Lee (CFO) left on Nov 3.');
  });
  it('DV-BK-1 [L122]: backup success 94.9% (rolling 30 d) → TAM, due 3 days; 95% does not fire', () => {
    const [cta] = core({ signals: [adoption('backup', 94.9, '2026-11-09T14:00:00Z')] });
    expect(cta).toMatchObject({ trigger: 'backupFailing', period: '2026-11', firedAt: '2026-11-09T09:00:00-05:00', dueBy: '2026-11-12T09:00:00-05:00', owner: { role: 'tam', name: 'Taylor TAM' } });
    expect(cta!.why).toBe('Backup success (30 d) 94.9% < 95%.');
    expect(core({ signals: [adoption('backup', 95, '2026-11-09T14:00:00Z')] })).toEqual([]);
  });
  it('nothing wrong → no core plays', () => {
    expect(core({ signals: [pulse(5, '2026-11-12T11:00:00-05:00'), adoption('mfa', 95, '2026-11-10T12:00:00Z')] })).toEqual([]);
  });
});

describe('per-dimension Red CTAs (monthly period)', () => {
  it('CX Red, segment A → vCIO review within 7 days, accountable vCIO, first action 72 h', () => {
    const [cta] = red({ segment: 'A', dims: { experience: { colour: 'red', reason: 'Red: 2 complaints', drivers: [driver('complaints', false, { label: 'Complaints this month', display: '2', target: '0', sources: [src('2026-11-04T15:00:00Z')] })] } } });
    expect(cta).toMatchObject({
      id: 'acct-1:experienceRed:2026-11',
      title: 'CX Red: vCIO review within 7 days',
      firedAt: '2026-11-04T10:00:00-05:00',
      firstActionDue: '2026-11-09T10:00:00-05:00',
      dueBy: '2026-11-11T10:00:00-05:00',
      owner: { role: 'csm' },
      accountable: { role: 'vcio' },
    });
    expect(cta!.why).toBe('Client Experience is Red: Complaints this month 2 (target 0). Red: 2 complaints');
  });
  it('CX Red, segment D → CSM/TAM fix and confirm, no accountable', () => {
    const [cta] = red({ segment: 'D', dims: { experience: { colour: 'red' } } });
    expect(cta!.title).toBe('CX Red: CSM/TAM fix and confirm within 7 days');
    expect(cta!.accountable).toBeUndefined();
    expect(cta!.firedAt).toBe('2026-11-01T00:00:00-04:00'); // no failing reading this month → month start
  });
  it('Engagement Red (seed-rulebook §5.5 mapping): cadence → Reset Cadence & Scope; exec → Exec Intro; decisions → Unblock Roadmap', () => {
    const ctas = red({
      dims: {
        engagement: {
          colour: 'red',
          drivers: [driver('cadence', false, { label: 'Cadence adherence', display: '67%', target: '≥ 80%' }), driver('execSponsor', false), driver('decisions', false), driver('mix', true)],
        },
      },
    });
    expect(ctas.map((c) => c.trigger)).toEqual(['engagementRed.resetCadence', 'engagementRed.execIntro', 'engagementRed.unblockRoadmap']);
    expect(ctas.map((c) => c.owner.role)).toEqual(['csm', 'csm', 'vcio']);
    expect(ctas[0]!.why).toBe('Engagement is Red: Cadence adherence 67% (target ≥ 80%).');
  });
  it('Engagement Red with a recap failure → Re-engage Stakeholders; with no matching driver → fallback', () => {
    expect(red({ dims: { engagement: { colour: 'red', drivers: [driver('recapRate', false)] } } })[0]!.trigger).toBe('engagementRed.reengage');
    expect(red({ dims: { engagement: { colour: 'red', drivers: [driver('somethingNew', false)] } } })[0]!.trigger).toBe('engagementRed');
  });
  it('Quality Red picks owner/due from [L135]: milestones → TAM 3 d; recap → CSM 72 h', () => {
    const ctas = red({ dims: { quality: { colour: 'red', drivers: [driver('milestones', false), driver('followThrough', false)] } } });
    expect(ctas.map((c) => [c.trigger, c.owner.role])).toEqual([
      ['qualityRed.milestones', 'tam'],
      ['qualityRed.recap', 'csm'],
    ]);
    expect(ctas[0]!.dueBy).toBe('2026-11-04T00:00:00-05:00');
  });
  it('Alignment Red by failed check: Reset Rhythm / Backfill Evidence / Sponsor Re-engage / Right-size Coverage', () => {
    const ctas = red({ segment: 'B', dims: { alignment: { colour: 'red', drivers: ['cadence', 'deliverables', 'execSponsor', 'effortMix'].map((k) => driver(k, false)) } } });
    expect(ctas.map((c) => c.title)).toEqual(['Alignment Red: Reset Rhythm', 'Alignment Red: Backfill Evidence', 'Alignment Red: Sponsor Re-engage', 'Alignment Red: Right-size Coverage']);
    expect(ctas[3]!.owner.role).toBe('vcio'); // B → vCIO; C/D → TAM
    expect(red({ segment: 'C', dims: { alignment: { colour: 'red', drivers: [driver('effortMix', false)] } } })[0]!.owner.role).toBe('tam');
  });
  it('Yellow and No data dimensions fire no Red CTA', () => {
    expect(red({ dims: { experience: { colour: 'yellow' }, engagement: { colour: 'nodata' }, quality: { colour: 'green' } } })).toEqual([]);
  });
});
