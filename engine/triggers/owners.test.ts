import { describe, expect, it } from 'vitest';
import { TRIGGERS_DEFAULTS } from '../config/triggers';
import { describeOwner, ownerFor, ownersFor } from './owners';

describe('owners (DECISIONS §5: a named owner, never "the team")', () => {
  const account = { roles: { am: 'Alex AM', csm: 'Casey CSM', vcio: '  ' } };

  it('owner by name from the role map', () => {
    expect(ownerFor(account, 'am')).toEqual({ role: 'am', name: 'Alex AM', unassigned: false });
  });
  it('a role with nobody (missing or blank) is unassigned with the role, never "team"', () => {
    expect(ownerFor(account, 'tam')).toEqual({ role: 'tam', name: null, unassigned: true });
    expect(ownerFor(account, 'vcio')).toEqual({ role: 'vcio', name: null, unassigned: true });
    expect(ownerFor({ roles: {} }, 'csm').name).toBeNull();
    expect(describeOwner(ownerFor(account, 'tam'), 'TAM')).toBe('TAM (unassigned)');
    expect(describeOwner(ownerFor(account, 'am'), 'Account manager')).toBe('Alex AM (Account manager)');
  });
  it('renewal: owner AM, accountable vCIO for A/B only', () => {
    const play = TRIGGERS_DEFAULTS.cadence.renewal;
    const full = { roles: { am: 'Alex AM', vcio: 'Victor vCIO' } };
    expect(ownersFor(full, play, 'A')).toEqual({
      owner: { role: 'am', name: 'Alex AM', unassigned: false },
      accountable: { role: 'vcio', name: 'Victor vCIO', unassigned: false },
    });
    expect(ownersFor(full, play, 'B').accountable?.name).toBe('Victor vCIO');
    expect(ownersFor(full, play, 'C')).toEqual({ owner: { role: 'am', name: 'Alex AM', unassigned: false } });
    expect(ownersFor(full, play, 'D').accountable).toBeUndefined();
  });
  it('assessment roadmap review: vCIO for A/B, CSM for C/D; accountable vCIO unassigned is still reported', () => {
    const play = TRIGGERS_DEFAULTS.cadence.assessmentRoadmap;
    expect(ownersFor(account, play, 'A').owner).toEqual({ role: 'vcio', name: null, unassigned: true });
    expect(ownersFor(account, play, 'D').owner.name).toBe('Casey CSM');
    const renewal = ownersFor(account, TRIGGERS_DEFAULTS.cadence.renewal, 'B');
    expect(renewal.accountable).toEqual({ role: 'vcio', name: null, unassigned: true });
  });
  it('no accountable when it is the same role as the owner', () => {
    expect(ownersFor(account, { owner: 'vcio', accountableBySegment: { A: 'vcio' } }, 'A').accountable).toBeUndefined();
  });
});
