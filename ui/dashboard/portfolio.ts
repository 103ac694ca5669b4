/**
 * The portfolio as the dashboard reads it: the live-query arrays indexed once (O(n)), so every
 * widget after that is a linear pass with map look-ups — no per-render O(n²) at 1,000 accounts.
 */
import type { Cta, MonthlySnapshot } from '../../engine/model';
import { ROLE_LABELS, type Account, type DecisionSignal, type MeetingSignal, type Role, type Segment } from '../../engine/signals';
import type { HealthRow } from '../../storage/records';

export interface PortfolioInput {
  accounts: readonly Account[];
  health: readonly HealthRow[];
  snapshots: readonly MonthlySnapshot[];
  /** Every CTA (any status): time-to-first-action needs the done ones too. */
  ctas: readonly Cta[];
  meetings: readonly MeetingSignal[];
  decisions: readonly DecisionSignal[];
}

export interface Portfolio {
  /** Live accounts, by name. */
  accounts: Account[];
  accountById: Map<string, Account>;
  /** Stored health of live accounts. */
  healthById: Map<string, HealthRow>;
  /** Snapshots by account, then by month (`yyyy-MM`). */
  snapshotsByAccount: Map<string, Map<string, MonthlySnapshot>>;
  /** One signal per (account, meetingId): the most recently observed. */
  meetingsByAccount: Map<string, MeetingSignal[]>;
  /** Logged decisions (not "other actions") per `${accountId}|${meetingId}`. */
  decisionsByMeeting: Map<string, number>;
  /** Pending decisions (not "other actions") per account. */
  pendingByAccount: Map<string, DecisionSignal[]>;
  /** CTAs of live accounts, not deleted. */
  ctas: Cta[];
}

const latestBy = <T extends { observedAt: string }>(a: T, b: T): T => (b.observedAt > a.observedAt ? b : a);

export function buildPortfolio(input: PortfolioInput): Portfolio {
  const accounts = input.accounts.filter((a) => !a.deletedAt).sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  const accountById = new Map(accounts.map((a) => [a.id, a]));
  const live = (id: string) => accountById.has(id);

  const healthById = new Map<string, HealthRow>();
  for (const h of input.health) if (!h.deletedAt && live(h.accountId)) healthById.set(h.accountId, h);

  const snapshotsByAccount = new Map<string, Map<string, MonthlySnapshot>>();
  for (const s of input.snapshots) {
    if (s.deletedAt || !live(s.accountId)) continue;
    let m = snapshotsByAccount.get(s.accountId);
    if (!m) snapshotsByAccount.set(s.accountId, (m = new Map()));
    m.set(s.month, s);
  }

  const meetingKey = new Map<string, MeetingSignal>();
  for (const m of input.meetings) {
    if (m.deletedAt || !live(m.accountId)) continue;
    const k = `${m.accountId}|${m.meetingId}`;
    const prev = meetingKey.get(k);
    meetingKey.set(k, prev ? latestBy(prev, m) : m);
  }
  const meetingsByAccount = new Map<string, MeetingSignal[]>();
  for (const m of meetingKey.values()) {
    const list = meetingsByAccount.get(m.accountId);
    if (list) list.push(m);
    else meetingsByAccount.set(m.accountId, [m]);
  }

  const decisionKey = new Map<string, DecisionSignal>();
  for (const d of input.decisions) {
    if (d.deletedAt || d.otherAction || !live(d.accountId)) continue;
    const k = `${d.accountId}|${d.decisionId}`;
    const prev = decisionKey.get(k);
    decisionKey.set(k, prev ? latestBy(prev, d) : d);
  }
  const decisionsByMeeting = new Map<string, number>();
  const pendingByAccount = new Map<string, DecisionSignal[]>();
  for (const d of decisionKey.values()) {
    if (d.meetingId) {
      const k = `${d.accountId}|${d.meetingId}`;
      decisionsByMeeting.set(k, (decisionsByMeeting.get(k) ?? 0) + 1);
    }
    if (d.status === 'pending') {
      const list = pendingByAccount.get(d.accountId);
      if (list) list.push(d);
      else pendingByAccount.set(d.accountId, [d]);
    }
  }

  const ctas = input.ctas.filter((c) => !c.deletedAt && live(c.accountId));
  return { accounts, accountById, healthById, snapshotsByAccount, meetingsByAccount, decisionsByMeeting, pendingByAccount, ctas };
}

/** A named owner from the account's role map; `name: null` is shown as "Unassigned", never "the team". */
export interface OwnerRef {
  role: Role;
  name: string | null;
}

/** The first role in `roles` that has a person; else the first role, unassigned. */
export function pickOwner(account: Account, roles: readonly Role[]): OwnerRef {
  for (const role of roles) {
    const name = account.roles[role]?.trim();
    if (name) return { role, name };
  }
  return { role: roles[0] ?? 'csm', name: null };
}

const isAB = (s: Segment | undefined) => s === 'A' || s === 'B';

/** Cadence: the named cadence owner; else A/B vCIO, C/D CSM (seed-rulebook §12 #32). */
export const cadenceOwner = (a: Account, segment: Segment | undefined): OwnerRef =>
  pickOwner(a, ['cadenceOwner', isAB(segment) ? 'vcio' : 'csm', 'csm', 'am']);

/** CX and at-risk follow-up belong to the CSM [L116] [L236]. */
export const csmOwner = (a: Account): OwnerRef => pickOwner(a, ['csm', 'am']);

/** Open decisions: reviewed by the vCIO (A/B) or CSM (C/D) weekly [L204]. */
export const decisionOwner = (a: Account, segment: Segment | undefined): OwnerRef =>
  pickOwner(a, isAB(segment) ? ['vcio', 'csm', 'am'] : ['csm', 'am']);

export function ownerText(o: OwnerRef): string {
  return o.name ? `${o.name} (${ROLE_LABELS[o.role]})` : `Unassigned (${ROLE_LABELS[o.role]})`;
}
