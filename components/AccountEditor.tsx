/**
 * Edit an account in place: maturity, appetite, goal level, segment override (rationale required),
 * MRR, renewal date, fiscal year end, role map. Sends one `account.update` with what changed.
 */
import { useId, useState, type FormEvent } from 'react';
import type { AccountPatch } from '../messaging/protocol';
import type { Account, RoleMap, Segment } from '../engine/signals';
import { ROLE_LABELS, ROLES, SEGMENTS } from '../engine/vocabulary';
import { send } from '../ui/send';

type OverrideMode = 'keep' | 'set' | 'clear';

export function buildPatch(
  account: Account,
  f: {
    maturity: string;
    appetite: string;
    goalLevel: string;
    mrr: string;
    renewalDate: string;
    fiscalYearEnd: string;
    roles: RoleMap;
    overrideMode: OverrideMode;
    overrideSegment: Segment;
    rationale: string;
  },
): { patch: AccountPatch; errors: string[] } {
  const patch: AccountPatch = {};
  const errors: string[] = [];
  const int = (s: string) => (s.trim() === '' ? null : Number(s));
  const m = int(f.maturity);
  if (m !== (account.maturity ?? null)) patch.maturity = m;
  const a = int(f.appetite);
  if (a !== (account.appetite ?? null)) patch.appetite = a;
  const g = int(f.goalLevel);
  if (g !== (account.goalLevel ?? null)) patch.goalLevel = g;
  const mrr = f.mrr.trim() === '' ? null : Number(f.mrr.replace(/[,\s]/g, ''));
  if (mrr !== null && (!Number.isFinite(mrr) || mrr < 0)) errors.push('MRR must be a positive number');
  else if (mrr !== (account.mrr ?? null)) patch.mrr = mrr;
  const rd = f.renewalDate.trim() || null;
  if (rd !== (account.renewalDate ?? null)) patch.renewalDate = rd;
  const fye = f.fiscalYearEnd.trim() || null;
  if (fye && !/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/.test(fye)) errors.push('Fiscal year end must be MM-dd, e.g. 06-30');
  else if (fye !== (account.fiscalYearEnd ?? null)) patch.fiscalYearEnd = fye;
  const roles: RoleMap = {};
  let rolesChanged = false;
  for (const r of ROLES) {
    const v = (f.roles[r] ?? '').trim();
    if (v) roles[r] = v;
    if (v !== (account.roles[r] ?? '')) rolesChanged = true;
  }
  if (rolesChanged) patch.roles = roles;
  if (f.overrideMode === 'set') {
    if (f.rationale.trim().length < 3) errors.push('A segment override needs a rationale');
    else patch.segmentOverride = { segment: f.overrideSegment, rationale: f.rationale.trim() };
  } else if (f.overrideMode === 'clear') patch.segmentOverride = null;
  return { patch, errors };
}

export function AccountEditor({ account, onDone }: { account: Account; onDone: () => void }) {
  const id = useId();
  const [maturity, setMaturity] = useState(account.maturity?.toString() ?? '');
  const [appetite, setAppetite] = useState(account.appetite?.toString() ?? '');
  const [goalLevel, setGoalLevel] = useState(account.goalLevel?.toString() ?? '');
  const [mrr, setMrr] = useState(account.mrr?.toString() ?? '');
  const [renewalDate, setRenewalDate] = useState(account.renewalDate ?? '');
  const [fiscalYearEnd, setFiscalYearEnd] = useState(account.fiscalYearEnd ?? '');
  const [roles, setRoles] = useState<RoleMap>({ ...account.roles });
  const [overrideMode, setOverrideMode] = useState<OverrideMode>('keep');
  const [overrideSegment, setOverrideSegment] = useState<Segment>(account.segmentOverride?.segment ?? 'A');
  const [rationale, setRationale] = useState('');
  const [errors, setErrors] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const { patch, errors } = buildPatch(account, {
      maturity,
      appetite,
      goalLevel,
      mrr,
      renewalDate,
      fiscalYearEnd,
      roles,
      overrideMode,
      overrideSegment,
      rationale,
    });
    setErrors(errors);
    if (errors.length) return;
    if (Object.keys(patch).length === 0) return onDone();
    setBusy(true);
    const r = await send({ type: 'account.update', accountId: account.id, patch });
    setBusy(false);
    if (r.ok) onDone();
    else setErrors([r.error, ...(r.errors ?? []).map((x) => `${x.path}: ${x.message}`)]);
  };

  const score = (label: string, value: string, set: (v: string) => void, key: string) => (
    <label className="field" htmlFor={`${id}-${key}`}>
      <span>{label}</span>
      <select id={`${id}-${key}`} value={value} onChange={(e) => set(e.target.value)}>
        <option value="">Not scored</option>
        {[1, 2, 3, 4, 5].map((n) => (
          <option key={n} value={n}>
            {n}
          </option>
        ))}
      </select>
    </label>
  );

  return (
    <form className="editor" onSubmit={submit} aria-label={`Edit ${account.name}`}>
      <div className="grid2">
        {score('Maturity (1–5)', maturity, setMaturity, 'maturity')}
        {score('Appetite (1–5)', appetite, setAppetite, 'appetite')}
        {score('Goal level (1.1–1.5)', goalLevel, setGoalLevel, 'goal')}
        <label className="field" htmlFor={`${id}-mrr`}>
          <span>MRR</span>
          <input id={`${id}-mrr`} inputMode="decimal" value={mrr} onChange={(e) => setMrr(e.target.value)} />
        </label>
        <label className="field" htmlFor={`${id}-renewal`}>
          <span>Renewal date</span>
          <input id={`${id}-renewal`} type="date" value={renewalDate} onChange={(e) => setRenewalDate(e.target.value)} />
        </label>
        <label className="field" htmlFor={`${id}-fye`}>
          <span>Fiscal year end (MM-dd)</span>
          <input id={`${id}-fye`} placeholder="06-30" value={fiscalYearEnd} onChange={(e) => setFiscalYearEnd(e.target.value)} />
        </label>
      </div>

      <fieldset>
        <legend>Segment override</legend>
        <div className="radios" role="radiogroup" aria-label="Segment override">
          {(['keep', 'set', 'clear'] as const).map((m) => (
            <label key={m}>
              <input type="radio" name={`${id}-ovr`} value={m} checked={overrideMode === m} onChange={() => setOverrideMode(m)} />{' '}
              {m === 'keep' ? 'Keep as is' : m === 'set' ? 'Override' : 'Remove override'}
            </label>
          ))}
        </div>
        {overrideMode === 'set' ? (
          <div className="grid2">
            <label className="field" htmlFor={`${id}-seg`}>
              <span>Segment</span>
              <select id={`${id}-seg`} value={overrideSegment} onChange={(e) => setOverrideSegment(e.target.value as Segment)}>
                {SEGMENTS.map((s) => (
                  <option key={s} value={s}>
                    {s}
                  </option>
                ))}
              </select>
            </label>
            <label className="field field--wide" htmlFor={`${id}-why`}>
              <span>Rationale (required)</span>
              <textarea id={`${id}-why`} required minLength={3} value={rationale} onChange={(e) => setRationale(e.target.value)} />
            </label>
          </div>
        ) : null}
      </fieldset>

      <fieldset>
        <legend>Role map</legend>
        <div className="grid2">
          {ROLES.map((r) => (
            <label key={r} className="field" htmlFor={`${id}-role-${r}`}>
              <span>{ROLE_LABELS[r]}</span>
              <input
                id={`${id}-role-${r}`}
                value={roles[r] ?? ''}
                placeholder="unassigned"
                onChange={(e) => setRoles((x) => ({ ...x, [r]: e.target.value }))}
              />
            </label>
          ))}
        </div>
      </fieldset>

      {errors.length ? (
        <ul className="errors" role="alert">
          {errors.map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      ) : null}
      <div className="actions">
        <button type="submit" className="btn btn--primary" disabled={busy}>
          Save
        </button>
        <button type="button" className="btn" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
