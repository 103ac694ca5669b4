/**
 * The account snapshot: facts (segment, goal level, MRR band, renewal, fiscal year end, roles,
 * exec sponsor, meetings), overall colour with composite, renewal confidence and at-risk flag,
 * the five dimensions with Δ and trend, and the gates. Reads stored health; computes none of it.
 */
import { lazy, Suspense, useMemo, useState } from 'react';
import type { MonthlySnapshot } from '../engine/model';
import type { Account } from '../engine/signals';
import { DIMENSIONS, ROLE_LABELS, ROLES } from '../engine/vocabulary';
import type { HealthRow } from '../storage/records';
import { daysBetween } from '../engine/time/zoned';
import { daysUntil, fmtDate, fmtMoney, fmtScore, relDays } from '../ui/format';
import { healthDelta } from '../ui/healthDelta';
import { monthlyTrend } from '../ui/trend';
import { ColourBadge } from './ColourBadge';
import { DimensionRow } from './DimensionRow';

export interface AccountSnapshotProps {
  account: Account;
  /** Stored health; null = not computed yet. */
  health: HealthRow | null;
  snapshots: readonly MonthlySnapshot[];
  now: Date;
  tz: string;
  /** Exec sponsor threshold (days), from configuration. */
  execSponsorDays: number;
  onOpen: (url: string) => void;
}

// The editor opens on request: not part of the snapshot's first render.
const loadAccountEditor = () => import('./AccountEditor');
const AccountEditor = lazy(() => loadAccountEditor().then((m) => ({ default: m.AccountEditor })));
/** Load the editor's chunk ahead of the first "Edit" (the side panel does after its first render). */
export const preloadAccountEditor = (): Promise<unknown> => loadAccountEditor();

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
function fiscalYearEnd(md: string | undefined): string {
  if (!md) return 'Not set';
  const [m, d] = md.split('-').map(Number) as [number, number];
  return `${d} ${MONTHS[m - 1] ?? '?'}`;
}

const CONFIDENCE_WORDS = { high: 'High', medium: 'Medium', low: 'Low', unknown: 'Unknown' } as const;

export function AccountSnapshot({ account, health, snapshots, now, tz, execSponsorDays, onOpen }: AccountSnapshotProps) {
  const [editing, setEditing] = useState(false);
  const delta = useMemo(
    () => (health ? healthDelta(health, snapshots, health.lastStrategicMeetingAt, tz) : null),
    [health, snapshots, tz],
  );
  const trends = useMemo(() => {
    const out = {} as Record<(typeof DIMENSIONS)[number], ReturnType<typeof monthlyTrend>>;
    for (const d of DIMENSIONS) {
      const r = health?.dimensions[d];
      out[d] = monthlyTrend(snapshots, d, now, tz, r ? { score: r.score, colour: r.colour } : null);
    }
    return out;
    // `now` changes every minute; trends only need the month, so key on it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [snapshots, health, tz, now.getUTCFullYear(), now.getUTCMonth()]);

  const seg = health?.segment;
  const renewalDays = account.renewalDate ? daysUntil(account.renewalDate, now, tz) : null;
  // The engine's rule (elapsed 24-hour days, "> 120" is late), so this line and the CX driver agree.
  const sponsorElapsed = health?.execSponsorLastSeenAt ? daysBetween(Date.parse(health.execSponsorLastSeenAt), now.getTime()) : null;
  const sponsorDays = sponsorElapsed === null ? null : Math.floor(sponsorElapsed);
  const sponsorLate = sponsorElapsed !== null && sponsorElapsed > execSponsorDays;

  return (
    <section className="snapshot" aria-labelledby="snapshot-title">
      <header className="snapshot__head">
        <h2 id="snapshot-title">
          {account.name}
          {account.sample ? <span className="tag tag--sample">Sample</span> : null}
        </h2>
        <button type="button" className="btn btn--small" aria-expanded={editing} onClick={() => setEditing((e) => !e)}>
          {editing ? 'Close editor' : 'Edit'}
        </button>
      </header>

      {editing ? (
        <Suspense fallback={<p role="status">Loading…</p>}>
          <AccountEditor account={account} onDone={() => setEditing(false)} />
        </Suspense>
      ) : null}

      {health ? (
        <div className="overall" aria-label="Overall health">
          <div className="overall__main">
            <ColourBadge colour={health.overall} label="Overall" />
            <span className="overall__composite">Composite {fmtScore(health.composite)}</span>
            {health.atRisk.flag ? (
              <span className="tag tag--risk" title={health.atRisk.reasons.join('; ')}>
                <span aria-hidden="true">⚠</span> At risk
              </span>
            ) : null}
          </div>
          <p className="overall__reason">{health.overallReason}</p>
          <p>
            Renewal confidence: <strong>{CONFIDENCE_WORDS[health.renewalConfidence]}</strong>
            <span className="muted"> — {health.renewalReason}</span>
          </p>
          {health.atRisk.flag && health.atRisk.reasons.length ? (
            <ul className="risk-reasons" aria-label="At-risk reasons">
              {health.atRisk.reasons.map((r) => (
                <li key={r}>{r}</li>
              ))}
            </ul>
          ) : null}
          <p className="muted small">
            Computed {fmtDate(health.asOf, tz)} · latest input {health.freshestAt ? fmtDate(health.freshestAt, tz) : 'none'}
          </p>
        </div>
      ) : (
        <p className="nodata" role="status">
          No health yet: Metronome has not read enough about this account. Open its PSA pages or log a meeting.
        </p>
      )}

      <dl className="facts">
        <dt>Segment</dt>
        <dd>
          {seg ? (
            <>
              <strong>{seg.segment}</strong>
              {seg.assumed ? <span className="tag">assumed (no maturity/appetite scores)</span> : null}
              {seg.overridden ? (
                <span className="tag" title={seg.rationale}>
                  override{seg.computed ? ` of ${seg.computed}` : ''}: {seg.rationale}
                </span>
              ) : null}
            </>
          ) : account.segmentOverride ? (
            <>
              <strong>{account.segmentOverride.segment}</strong> <span className="tag">override: {account.segmentOverride.rationale}</span>
            </>
          ) : (
            'Not computed yet'
          )}
        </dd>
        <dt>Goal level</dt>
        <dd>{seg ? `1.${seg.goalLevel}` : account.goalLevel ? `1.${account.goalLevel}` : 'No data'}</dd>
        <dt>MRR</dt>
        <dd>
          {account.mrr !== undefined ? fmtMoney(account.mrr) : 'No data'}
          {seg?.mrrBand ? ` · band ${seg.mrrBand} of 4` : ''}
        </dd>
        <dt>Renewal</dt>
        <dd className={renewalDays !== null && renewalDays < 0 ? 'warn' : undefined}>
          {account.renewalDate && renewalDays !== null ? `${fmtDate(account.renewalDate, tz)} (${relDays(renewalDays)})` : 'No data'}
        </dd>
        <dt>Fiscal year end</dt>
        <dd>{fiscalYearEnd(account.fiscalYearEnd)}</dd>
        <dt>Exec sponsor last seen</dt>
        <dd className={sponsorLate ? 'bad' : undefined}>
          {sponsorDays === null ? (
            'No data'
          ) : (
            <>
              {sponsorDays} days ago{sponsorLate ? <strong> — over {execSponsorDays} days</strong> : null}
            </>
          )}
        </dd>
        <dt>Last strategic meeting</dt>
        <dd>{health?.lastStrategicMeetingAt ? fmtDate(health.lastStrategicMeetingAt, tz) : 'None recorded'}</dd>
        <dt>Next strategic meeting</dt>
        <dd>
          {health?.nextStrategicMeetingDue
            ? `${fmtDate(health.nextStrategicMeetingDue, tz)} (${relDays(daysUntil(health.nextStrategicMeetingDue, now, tz))})`
            : 'No data'}
          {health && health.consecutiveMisses > 0 ? <strong className="bad"> · {health.consecutiveMisses} missed in a row</strong> : null}
        </dd>
        <dt>Roles</dt>
        <dd>
          <ul className="roles">
            {ROLES.map((r) => (
              <li key={r}>
                {ROLE_LABELS[r]}: {account.roles[r] ? account.roles[r] : <span className="unassigned">unassigned</span>}
              </li>
            ))}
          </ul>
        </dd>
      </dl>

      {health ? (
        <>
          <h3 className="section-title">
            Five dimensions <span className="muted small">Δ since last strategic meeting{delta?.baselineMonth ? ` (vs ${delta.baselineMonth} month-end)` : ''}</span>
          </h3>
          <ul className="dims">
            {DIMENSIONS.map((d) => {
              const r = health.dimensions[d];
              if (!r) return null;
              return <DimensionRow key={d} result={r} delta={delta?.dimensions[d].delta ?? null} trend={trends[d]} tz={tz} onOpen={onOpen} />;
            })}
          </ul>
          <Gates health={health} />
        </>
      ) : null}
    </section>
  );
}

function Gates({ health }: { health: HealthRow }) {
  const g = health.gates;
  const expansionOn = Object.values(g.expansion).some(Boolean);
  return (
    <div className="gates">
      <h3 className="section-title">Gates</h3>
      <p>
        Expansion credit: <strong>{expansionOn ? 'Gated' : 'Open'}</strong>
      </p>
      {g.expansionReasons.length ? (
        <ul>
          {g.expansionReasons.map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ul>
      ) : null}
      <p>
        Fix first: <strong>{g.fixFirst ? 'Yes — fix adoption before new projects' : 'No'}</strong>
      </p>
      {g.fixFirstReasons.length ? (
        <ul>
          {g.fixFirstReasons.map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
