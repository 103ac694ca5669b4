/**
 * The sample portfolio: a deterministic, realistic MSP book of business for demos, the `score` CLI,
 * tests and the benchmark.
 *
 *   generatePortfolio({ accounts = 40, seed = 1, asOf, timeZone = 'America/New_York', ticketsPerAccount? })
 *     → { accounts: Account[]; signals: Signal[] }
 *
 * - Everything is relative to `asOf` (no clock reads), so the same seed + asOf + time zone give
 *   byte-identical output, and the scenarios (renewal −90 d, three consecutive misses, …) hold on
 *   whatever day the sample is loaded.
 * - The first 40 accounts are `SAMPLE_CLIENTS` with the hand-written scenarios of `scenarios.ts`;
 *   beyond 40, names and scenarios are synthesised (mostly healthy).
 * - Every record carries `sample: true` so the sample can be removed in one click.
 * - Instants are local wall times of `timeZone` written with their offset (`2026-11-17T10:00:00-05:00`).
 *
 * Randomness comes from mulberry32 streams keyed by (seed, account, purpose), so one account's data
 * does not change when the portfolio grows or another part of the generator changes.
 */
import { tzOffset } from '@date-fns/tz';
import type {
  Account,
  Attendee,
  ComplaintRootCause,
  MeetingType,
  PsaRef,
  Role,
  Segment,
  Signal,
  SignalOf,
  Source,
} from '../engine/signals';
import { COMPLAINT_ROOT_CAUSES, DEFAULT_INSIGHTS } from '../engine/signals';
import { SAMPLE_CLIENTS, sampleAccountId, type SampleClient } from './names';
import { NAMED_SCENARIOS, syntheticScenario, type Insight, type Level, type Scenario } from './scenarios';

export interface GenerateOptions {
  /** Number of accounts (default 40: the named sample clients). */
  accounts?: number;
  seed?: number;
  /** The moment the portfolio is generated "as of": every scenario is relative to it. */
  asOf: Date;
  /** IANA zone for wall-clock times, months and business days (default America/New_York). */
  timeZone?: string;
  /** Tickets per account over the 13 months (default: from the account's size, 25–160). */
  ticketsPerAccount?: number;
}

export interface Portfolio {
  accounts: Account[];
  signals: Signal[];
}

/** Demo hosts the sample's PSA and M365 records claim to come from. */
export const SAMPLE_HOSTS = {
  connectwise: 'demo-cw.metronome.test',
  autotask: 'demo-at.metronome.test',
  halopsa: 'demo-halo.metronome.test',
  m365: 'demo-m365.metronome.test',
  /** Things the user logs in Metronome itself (meetings, pulses, decisions). */
  user: 'metronome',
} as const;

/**
 * The DECISIONS defaults the sample is designed against (cadence §5, default segment §1). The engine
 * reads its own configuration; these only shape the generated history.
 */
export const SAMPLE_DESIGN = {
  cadenceDays: { A: 30, B: 91, C: 91, D: 182 } as Record<Segment, number>,
  defaultSegment: 'C' as Segment,
  /** Days of ticket history (13 months). */
  historyDays: 395,
  /** Engagement window (DECISIONS §3). */
  engagementWindowDays: 180,
  /** Grace after an expected meeting's due date before it counts as missed (DECISIONS §7). */
  missGraceDays: 7,
  /** DMI targets inside each band, per segment (bands: A 90/80, B 80/65, C 70/55, D 70/50). */
  dmiTarget: {
    green: { A: 95, B: 88, C: 80, D: 78 },
    yellow: { A: 85, B: 72.5, C: 62.5, D: 60 },
    red: { A: 62, B: 52, C: 42, D: 38 },
  } as Record<Level, Record<Segment, number>>,
};

export function generatePortfolio(options: GenerateOptions): Portfolio {
  const count = options.accounts ?? 40;
  const seed = options.seed ?? 1;
  const timeZone = options.timeZone ?? 'America/New_York';
  if (!Number.isInteger(count) || count < 0) throw new Error(`accounts must be a non-negative integer, got ${count}`);
  if (!Number.isFinite(options.asOf.getTime())) throw new Error('asOf is not a valid date');
  const clock = new Clock(timeZone, Math.floor(options.asOf.getTime() / 60_000) * 60_000);

  const accounts: Account[] = [];
  const signals: Signal[] = [];
  const tickets: TicketDraft[] = [];
  for (let i = 0; i < count; i++) {
    const built = buildAccount(i, seed, clock, options.ticketsPerAccount);
    accounts.push(built.account);
    signals.push(...built.signals);
    tickets.push(...built.tickets);
  }
  numberTickets(tickets, clock);
  return { accounts, signals };
}

// =============================================================================================
// Randomness

/** mulberry32: tiny, fast, good enough for sample data; returns uniform [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** An independent stream for (seed, account, purpose). */
function stream(seed: number, account: number, purpose: string): Rng {
  let h = 2166136261 ^ seed;
  const key = `${account}:${purpose}`;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 16777619);
  return new Rng(mulberry32(h ^ Math.imul(seed, 0x9e3779b1)));
}

class Rng {
  constructor(readonly next: () => number) {}
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  between(min: number, max: number): number {
    return min + this.next() * (max - min);
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }
  weighted<T>(items: ReadonlyArray<readonly [T, number]>): T {
    const total = items.reduce((s, [, w]) => s + w, 0);
    let x = this.next() * total;
    for (const [v, w] of items) if ((x -= w) < 0) return v;
    return items[items.length - 1]![0];
  }
}

// =============================================================================================
// Time: local days of the user's zone, instants written with their offset

const MINUTE = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;

/**
 * Wall-clock arithmetic in one IANA zone. A "local day" (ld) is the number of days since 1970-01-01
 * of the local calendar date; instants are epoch milliseconds. Offsets are cached per 15 minutes so
 * generating 400k tickets stays fast.
 */
class Clock {
  readonly todayLd: number;
  readonly monthStartMs: number;
  private readonly offsets = new Map<number, number>();

  constructor(
    readonly timeZone: string,
    readonly asOfMs: number,
  ) {
    this.todayLd = this.ldOf(asOfMs);
    const d = new Date(this.todayLd * DAY);
    this.monthStartMs = this.at(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1) / DAY, 0);
  }

  /** Offset east of UTC in minutes at an instant. */
  offset(ms: number): number {
    const key = Math.floor(ms / (15 * MINUTE));
    let o = this.offsets.get(key);
    if (o === undefined) {
      o = tzOffset(this.timeZone, new Date(key * 15 * MINUTE));
      this.offsets.set(key, o);
    }
    return o;
  }

  ldOf(ms: number): number {
    return Math.floor((ms + this.offset(ms) * MINUTE) / DAY);
  }

  /** Instant of local day `ld` at `minutes` after local midnight. */
  at(ld: number, minutes: number): number {
    const wall = ld * DAY + minutes * MINUTE;
    let ms = wall - this.offset(wall) * MINUTE;
    const o2 = this.offset(ms);
    if (wall - o2 * MINUTE !== ms) ms = wall - o2 * MINUTE;
    return ms;
  }

  /** Instant `daysAgo` local days before today at `minutes` after midnight. */
  daysAgo(days: number, minutes: number): number {
    return this.at(this.todayLd - days, minutes);
  }

  /** 0 = Sunday … 6 = Saturday. */
  weekday(ld: number): number {
    return (((ld + 4) % 7) + 7) % 7;
  }

  /** The business day on or before `ld` (weekends move back to Friday). */
  businessBack(ld: number): number {
    const w = this.weekday(ld);
    return w === 6 ? ld - 1 : w === 0 ? ld - 2 : ld;
  }

  /** The business day on or after `ld`. */
  businessForward(ld: number): number {
    const w = this.weekday(ld);
    return w === 6 ? ld + 2 : w === 0 ? ld + 1 : ld;
  }

  /**
   * `yyyy-MM-ddTHH:mm:ss±hh:mm`. Built with one `String.fromCharCode` call: a flat string a quarter
   * the size of a concatenated one, which matters at 800k signals (benchmark portfolios).
   */
  iso(ms: number): string {
    const off = this.offset(ms);
    const d = new Date(ms + off * MINUTE);
    const y = d.getUTCFullYear();
    const mo = d.getUTCMonth() + 1;
    const da = d.getUTCDate();
    const h = d.getUTCHours();
    const mi = d.getUTCMinutes();
    const se = d.getUTCSeconds();
    const a = Math.abs(off);
    const oh = Math.floor(a / 60);
    const om = a % 60;
    const D = 48; // '0'
    return String.fromCharCode(
      D + Math.floor(y / 1000), D + (Math.floor(y / 100) % 10), D + (Math.floor(y / 10) % 10), D + (y % 10), 45,
      D + Math.floor(mo / 10), D + (mo % 10), 45, D + Math.floor(da / 10), D + (da % 10), 84,
      D + Math.floor(h / 10), D + (h % 10), 58, D + Math.floor(mi / 10), D + (mi % 10), 58, D + Math.floor(se / 10), D + (se % 10),
      off < 0 ? 45 : 43, D + Math.floor(oh / 10), D + (oh % 10), 58, D + Math.floor(om / 10), D + (om % 10),
    );
  }

  /** `yyyy-MM-dd` of a local day. */
  date(ld: number): string {
    const d = new Date(ld * DAY);
    return `${d.getUTCFullYear()}-${p2(d.getUTCMonth() + 1)}-${p2(d.getUTCDate())}`;
  }

  /** An instant in the current month, a fraction `f` of the way from month start to asOf. */
  thisMonth(f: number): number {
    return Math.floor((this.monthStartMs + (this.asOfMs - this.monthStartMs) * f) / MINUTE) * MINUTE;
  }
}

const round1 = (n: number): number => Math.round(n * 10) / 10;
const p2 = (n: number): string => String(n).padStart(2, '0');
const p4 = (n: number): string => String(n).padStart(4, '0');

// =============================================================================================
// People

const STAFF: Record<Role, readonly string[]> = {
  cadenceOwner: ['Jordan Blake', 'Aisha Karimi', 'Lena Vogel', 'Dana Whitfield'],
  backup: ['Tomás Echeverría', 'Grace Liu', 'Sam Okafor', 'Mei Tanaka'],
  am: ['Dana Whitfield', 'Tomás Echeverría', 'Grace Liu'],
  tam: ['Sam Okafor', 'Mei Tanaka', 'Ravi Shah', 'Ola Nordmann'],
  csm: ['Jordan Blake', 'Aisha Karimi', 'Lena Vogel'],
  vcio: ['Priya Raman', 'Marcus Oyelaran'],
};

const FIRST = [
  'Alex', 'Bea', 'Carlos', 'Dmitri', 'Elif', 'Fatima', 'Gustav', 'Hana', 'Ines', 'Jae-won', 'Kofi', 'Leila',
  'Mateo', 'Nadia', 'Oskar', 'Paula', 'Quentin', 'Rosa', 'Sipho', 'Tereza', 'Uma', 'Viktor', 'Wen', 'Yusuf',
  'Zofia', 'Björn', 'Chloé', 'Søren', 'Łukasz', 'Amélie',
] as const;
const LAST = [
  'Andersen', 'Baptiste', 'Costa', 'Dubois', 'Eriksson', 'Fernández', 'García', 'Hoffmann', 'Ito', 'Jansen',
  'Kowalski', 'López', 'Müller', 'Nakamura', 'Okonkwo', 'Petrov', 'Quinn', 'Rossi', 'Schmidt', 'Tanaka',
  'Ueda', 'Varga', 'Weber', 'Xu', 'Yilmaz', 'Zimmermann', 'Ó Briain', 'Nguyen', 'Haddad', 'Silva',
] as const;

interface Contact {
  name: string;
  title: string;
  decisionMaker: boolean;
  exec: boolean;
  email: string;
}

function contactsFor(rng: Rng, domain: string, segment: Segment): Contact[] {
  const execTitle = rng.pick(segment === 'D' ? ['Owner', 'Practice Owner', 'Managing Director'] : ['CEO', 'COO', 'Managing Director', 'President']);
  const titles: Array<[string, boolean, boolean]> = [
    [execTitle, true, true],
    ['CFO', true, true],
    ['IT Manager', true, false],
    ['Office Manager', false, false],
    ['Operations Lead', false, false],
  ];
  const used = new Set<string>();
  return titles.map(([title, decisionMaker, exec]) => {
    let name = '';
    do name = `${rng.pick(FIRST)} ${rng.pick(LAST)}`;
    while (used.has(name));
    used.add(name);
    const email = `${name.split(' ')[0]!.normalize('NFD').replace(/[^A-Za-z]/g, '').toLowerCase()}@${domain}`;
    return { name, title, decisionMaker, exec, email };
  });
}

// =============================================================================================
// Clients beyond the 40 named ones

const SYN_A = ['Harbor', 'Summit', 'Cedar', 'Northgate', 'Bluewater', 'Ironwood', 'Lakeside', 'Redstone', 'Silverline', 'Oakridge', 'Granite', 'Brightpath', 'Evergreen', 'Copperfield', 'Riverbend', 'Highland', 'Westbrook', 'Maple', 'Falcon', 'Pioneer', 'Crescent', 'Sterling', 'Meridian', 'Aurora'] as const;
const SYN_B = ['Analytics', 'Dental', 'Logistics', 'Legal', 'Accounting', 'Engineering', 'Clinic', 'Builders', 'Foods', 'Realty', 'Manufacturing', 'Insurance', 'Design', 'Veterinary', 'Architects', 'Outfitters', 'Pharmacy', 'Credit Union', 'Media', 'Robotics', 'Freight', 'Hospitality', 'Labs', 'Partners'] as const;
const SYN_C = ['LLC', 'Inc.', 'Group', 'Ltd', 'Co.', 'GmbH', 'Partners LLP', 'AG'] as const;

function clientFor(index: number): SampleClient {
  const named = SAMPLE_CLIENTS[index];
  if (named) return named;
  const k = index - SAMPLE_CLIENTS.length;
  const a = SYN_A[k % SYN_A.length]!;
  const b = SYN_B[Math.floor(k / SYN_A.length) % SYN_B.length]!;
  const c = SYN_C[Math.floor(k / (SYN_A.length * SYN_B.length)) % SYN_C.length]!;
  const lap = Math.floor(k / (SYN_A.length * SYN_B.length * SYN_C.length));
  const name = `${a} ${b}${lap ? ` ${lap + 1}` : ''} ${c}`;
  // Every part of the (unique) name is in the domain, so tenants and adoption ids never collide.
  const slug = `${a}${b}${lap ? lap + 1 : ''}${c}`.toLowerCase().replace(/[^a-z0-9]/g, '');
  return {
    name,
    aliases: [`${a} ${b}${lap ? ` ${lap + 1}` : ''}`],
    cwIdentifier: `${a}${b}`.replace(/[^A-Za-z0-9]/g, '').slice(0, 10) + String(k).padStart(2, '0'),
    autotaskId: 29683400 + index * 7,
    haloId: 100 + index,
    domain: `${slug}.example`,
  };
}

function scenarioFor(index: number, seed: number): Scenario {
  return NAMED_SCENARIOS[index] ?? syntheticScenario(stream(seed, index, 'scenario').next);
}

export function segmentOf(s: Pick<Scenario, 'maturity' | 'appetite' | 'override'>): { segment: Segment; assumed: boolean } {
  if (s.override) return { segment: s.override.segment, assumed: false };
  if (s.maturity === undefined || s.appetite === undefined) return { segment: SAMPLE_DESIGN.defaultSegment, assumed: true };
  const m = s.maturity >= 3;
  const a = s.appetite >= 3;
  return { segment: m && a ? 'A' : m ? 'C' : a ? 'B' : 'D', assumed: false };
}

// =============================================================================================
// One account

type Psa = 'connectwise' | 'autotask' | 'halopsa';
const PSAS: readonly Psa[] = ['connectwise', 'autotask', 'halopsa'];

interface Ctx {
  index: number;
  id: string;
  client: SampleClient;
  scenario: Scenario;
  segment: Segment;
  clock: Clock;
  seed: number;
  psa: Psa;
  contacts: Contact[];
  roles: Partial<Record<Role, string>>;
  firstSeenMs: number;
  sources: { psa: Source; m365: Source; user: Source };
  signals: Signal[];
}

interface Built {
  account: Account;
  signals: Signal[];
  tickets: TicketDraft[];
}

/** One shared `source` object per host: 800k signals in a benchmark portfolio need not carry 800k copies. */
const SOURCE_CACHE = new Map<string, Source>();
function sourceFor(host: string): Source {
  let s = SOURCE_CACHE.get(host);
  if (!s) SOURCE_CACHE.set(host, (s = { host, pageType: 'sample', url: '', reader: 'sample' }));
  return s;
}

function buildAccount(index: number, seed: number, clock: Clock, ticketsPerAccount: number | undefined): Built {
  const client = clientFor(index);
  const scenario = scenarioFor(index, seed);
  const { segment } = segmentOf(scenario);
  const rng = stream(seed, index, 'account');
  const id = sampleAccountId(index);
  const psa = PSAS[index % 3]!;
  const firstSeenDaysAgo = scenario.firstSeenDaysAgo ?? rng.int(400, 700);
  const firstSeenMs = clock.daysAgo(firstSeenDaysAgo, 9 * 60 + rng.int(0, 120));

  const roles: Partial<Record<Role, string>> = {};
  const staff = stream(seed, index, 'staff');
  const pickStaff = (role: Role) => staff.pick(STAFF[role]);
  roles.am = pickStaff('am');
  roles.csm = pickStaff('csm');
  roles.tam = pickStaff('tam');
  roles.vcio = pickStaff('vcio');
  // RACI [L183]: A/B cadence owner is the AM with the vCIO accountable; C/D the CSM, TAM as back-up.
  roles.cadenceOwner = segment === 'A' || segment === 'B' ? roles.am : roles.csm;
  roles.backup = segment === 'A' || segment === 'B' ? roles.csm : roles.tam;
  for (const r of scenario.unassigned ?? []) delete roles[r];

  const ctx: Ctx = {
    index,
    id,
    client,
    scenario,
    segment,
    clock,
    seed,
    psa,
    contacts: contactsFor(stream(seed, index, 'contacts'), client.domain, segment),
    roles,
    firstSeenMs,
    sources: { psa: sourceFor(SAMPLE_HOSTS[psa]), m365: sourceFor(SAMPLE_HOSTS.m365), user: sourceFor(SAMPLE_HOSTS.user) },
    signals: [],
  };

  const renewalLd = clock.todayLd + (scenario.renewalInDays ?? renewalOffset(index, rng));
  const fiscalYearEnd = fiscalYearEndFor(clock, scenario, rng);
  const agreementStartLd = renewalLd - 365 * rng.int(1, 3);
  const psaRefs: PsaRef[] = [
    { host: SAMPLE_HOSTS.connectwise, companyId: client.cwIdentifier },
    { host: SAMPLE_HOSTS.autotask, companyId: String(client.autotaskId) },
    { host: SAMPLE_HOSTS.halopsa, companyId: String(client.haloId) },
  ];
  const agreement =
    scenario.mrr === undefined
      ? undefined
      : {
          name: `Managed Services — ${({ A: 'Strategic', B: 'Premium', C: 'Proactive', D: 'Essentials' } as const)[segment]}`,
          type: 'Managed Services',
          mrr: scenario.mrr,
          start: clock.date(agreementStartLd),
          end: clock.date(renewalLd),
        };

  const account: Account = {
    id,
    name: client.name,
    aliases: [...client.aliases],
    psaRefs,
    tenants: scenario.noTenant ? [] : [client.domain],
    ...(scenario.mrr !== undefined ? { mrr: scenario.mrr, agreement: agreement!, renewalDate: clock.date(renewalLd) } : {}),
    ...(fiscalYearEnd ? { fiscalYearEnd } : {}),
    ...(scenario.maturity !== undefined ? { maturity: scenario.maturity } : {}),
    ...(scenario.appetite !== undefined ? { appetite: scenario.appetite } : {}),
    ...(scenario.override
      ? {
          segmentOverride: {
            segment: scenario.override.segment,
            rationale: scenario.override.rationale,
            at: clock.iso(clock.daysAgo(Math.min(60, firstSeenDaysAgo), 15 * 60)),
            by: scenario.override.by,
          },
        }
      : {}),
    roles,
    firstSeenAt: clock.iso(firstSeenMs),
    createdAt: clock.iso(firstSeenMs),
    updatedAt: clock.iso(clock.asOfMs - rng.int(1, 48) * HOUR),
    sample: true,
  };

  if (scenario.empty) return { account, signals: [], tickets: [] };

  accountFacts(ctx, account);
  // Ticket signals get their ids once numbered across the portfolio (see numberTickets).
  const tickets = ticketDrafts(ctx, ticketsPerAccount);
  for (const t of tickets) ctx.signals.push(t.signal);
  const meetings = strategicMeetings(ctx);
  meetingExtras(ctx, meetings);
  complaints(ctx);
  adoption(ctx);
  milestones(ctx);
  assessmentsAndInitiatives(ctx);
  stakeholders(ctx);
  return { account, signals: ctx.signals, tickets };
}

/** Renewal dates spread over the coming year, away from the −90 d window for the named clients. */
function renewalOffset(index: number, rng: Rng): number {
  if (index < SAMPLE_CLIENTS.length) return 95 + ((index * 97 + rng.int(0, 20)) % 360);
  return rng.int(1, 365);
}

const COMMON_FYE = [
  ['12-31', 6],
  ['06-30', 3],
  ['03-31', 2],
  ['09-30', 2],
] as const;

function fiscalYearEndFor(clock: Clock, s: Scenario, rng: Rng): string | undefined {
  if (s.fiscalYearEndInDays !== undefined) {
    const md = clock.date(clock.todayLd + s.fiscalYearEndInDays).slice(5);
    return md === '02-29' ? '02-28' : md;
  }
  if (s.empty) return undefined;
  // Keep the others out of the −30 d budget window so only the scenario fires it.
  const today = clock.date(clock.todayLd);
  const year = Number(today.slice(0, 4));
  const daysUntil = (md: string): number => {
    let t = Date.UTC(year, Number(md.slice(0, 2)) - 1, Number(md.slice(3, 5))) / DAY;
    if (t < clock.todayLd) t = Date.UTC(year + 1, Number(md.slice(0, 2)) - 1, Number(md.slice(3, 5))) / DAY;
    return t - clock.todayLd;
  };
  const options = COMMON_FYE.filter(([md]) => daysUntil(md) > 45);
  return rng.weighted(options.length ? options : COMMON_FYE);
}

function accountFacts(ctx: Ctx, account: Account): void {
  const { clock } = ctx;
  const r = stream(ctx.seed, ctx.index, 'facts');
  const at = clock.iso(clock.daysAgo(r.int(1, 20), 9 * 60 + r.int(0, 480)));
  const host = SAMPLE_HOSTS[ctx.psa];
  const companyId = account.psaRefs.find((p) => p.host === host)!.companyId;
  const s: SignalOf<'accountFacts'> = {
    id: `company:${host}:${companyId}`,
    accountId: ctx.id,
    observedAt: at,
    source: ctx.sources.psa,
    sample: true,
    kind: 'accountFacts',
    name: ctx.client.name,
    psaRef: { host, companyId },
    ...(account.mrr !== undefined ? { mrr: account.mrr, agreement: account.agreement!, renewalDate: account.renewalDate! } : {}),
    contacts: ctx.contacts.map((c) => ({ name: c.name, title: c.title, email: c.email })),
  };
  ctx.signals.push(s);
}

// =============================================================================================
// Tickets: 13 months, priorities, categories, SLA targets and outcomes, reopens, repeats, exclusions

const CATEGORIES = [
  ['Email > Outlook', 'Outlook keeps asking for password'],
  ['Email > Shared mailbox', 'Cannot see shared mailbox'],
  ['Email > Spam/phishing', 'Suspicious email reported'],
  ['Network > VPN', 'VPN disconnects every few minutes'],
  ['Network > Wi-Fi', 'Wi-Fi slow in the meeting room'],
  ['Network > Firewall', 'Website blocked by firewall'],
  ['Hardware > Laptop', 'Laptop will not power on'],
  ['Hardware > Printer', 'Printer offline on 2nd floor'],
  ['Hardware > Monitor', 'Second monitor not detected'],
  ['Hardware > Phone', 'Desk phone has no dial tone'],
  ['Software > Line-of-business app', 'LOB application crashes on start'],
  ['Software > Adobe', 'Adobe licence expired message'],
  ['Software > Install request', 'Please install Visio'],
  ['Software > Teams', 'Teams calls drop audio'],
  ['Software > OneDrive', 'OneDrive not syncing'],
  ['Software > SharePoint', 'SharePoint permissions request'],
  ['Security > MFA', 'Lost phone, need MFA reset'],
  ['Security > Password reset', 'Password reset request'],
  ['Security > Antivirus alert', 'EDR alert on workstation'],
  ['Security > Account lockout', 'Account locked out'],
  ['User admin > New starter', 'New starter setup'],
  ['User admin > Leaver', 'Leaver: disable account'],
  ['User admin > Licence change', 'Licence upgrade request'],
  ['Backup > Job failure', 'Backup job failed overnight'],
  ['Backup > Restore request', 'Restore deleted folder'],
  ['Server > Performance', 'File server slow'],
  ['Server > Disk space', 'Server disk almost full'],
  ['Server > Patching', 'Server patch window request'],
  ['Cloud > Azure', 'Azure VM not reachable'],
  ['Cloud > M365 admin', 'Mailbox size limit reached'],
  ['Telephony > Call queue', 'Change call queue hours'],
  ['Project work > Onboarding task', 'Onboarding checklist item'],
] as const;

/** Priority names per PSA and their SLA targets (response minutes, resolution hours). */
const PRIORITIES: Record<Psa, readonly string[]> = {
  connectwise: ['Priority 1 - Emergency Response', 'Priority 2 - Quick Response', 'Priority 3 - Normal Response', 'Priority 4 - Schedule Maintenance'],
  autotask: ['Critical', 'High', 'Medium', 'Low'],
  halopsa: ['P1 - Critical', 'P2 - High', 'P3 - Medium', 'P4 - Low'],
};
const SLA_TARGET = [
  { respondMin: 30, resolveH: 4 },
  { respondMin: 60, resolveH: 8 },
  { respondMin: 240, resolveH: 24 },
  { respondMin: 480, resolveH: 72 },
] as const;
const CLOSED_STATUS: Record<Psa, string> = { connectwise: 'Closed (resolved)', autotask: 'Complete', halopsa: 'Closed' };
const OPEN_STATUS: Record<Psa, readonly string[]> = {
  connectwise: ['New', 'In Progress', 'Waiting Customer'],
  autotask: ['New', 'In Progress', 'Waiting Customer'],
  halopsa: ['New', 'In Progress', 'Awaiting User'],
};

interface TicketDraft {
  psa: Psa;
  openedMs: number;
  order: number;
  signal: SignalOf<'ticket'>;
}

/** Deterministic quota: of n items, mark about n × rate of them, spread evenly. */
const spread = (j: number, rate: number): boolean => Math.floor((j + 1) * rate + 0.5) > Math.floor(j * rate + 0.5);

function ticketDrafts(ctx: Ctx, perAccount: number | undefined): TicketDraft[] {
  const { clock, scenario: s } = ctx;
  const r = stream(ctx.seed, ctx.index, 'tickets');
  const historyDays = Math.max(1, Math.min(SAMPLE_DESIGN.historyDays, Math.floor((clock.asOfMs - ctx.firstSeenMs) / DAY)));
  const fromSize = Math.round(25 + (s.mrr ?? 1000) / 180);
  let n = perAccount ?? s.ticketVolume ?? Math.min(160, fromSize);
  if (perAccount === undefined && historyDays < SAMPLE_DESIGN.historyDays) n = Math.max(4, Math.round((n * historyDays) / SAMPLE_DESIGN.historyDays) + 3);

  const opened: number[] = [];
  for (let k = 0; k < n; k++) {
    let ld = clock.todayLd - r.int(1, historyDays);
    if (clock.weekday(ld) % 6 === 0 && r.chance(0.8)) ld = clock.businessBack(ld);
    opened.push(clock.at(ld, r.int(7 * 60 + 30, 18 * 60)));
  }
  opened.sort((a, b) => a - b);

  const slaMet = s.slaMet ?? 0.985;
  const repeatRate = s.repeatRate ?? 0.02;
  // Scenario rates are quotas over the last 95 days, counted from the newest ticket back, so the
  // 30-day window the engine reads first already carries its share.
  const recentFrom = clock.asOfMs - 95 * DAY;
  const recentCount = opened.filter((t) => t >= recentFrom).length;
  const excludedFlags = opened.map(() => r.chance(0.04));
  let slaRank = opened.filter((t, k) => t >= recentFrom && !excludedFlags[k]).length;
  const lastUsed = new Map<string, number>(); // category → last opened
  let recentIndex = recentCount;
  const drafts: TicketDraft[] = [];
  const names = [ctx.client.name, ...ctx.client.aliases];
  const psaTargets = PRIORITIES[ctx.psa];

  for (let k = 0; k < opened.length; k++) {
    const openedMs = opened[k]!;
    const recent = openedMs >= recentFrom;
    const excluded = excludedFlags[k]!;
    const repeat = recent ? spread(--recentIndex, repeatRate) : r.chance(0.04);
    const pr = r.weighted([
      [0, 3],
      [1, 12],
      [2, 60],
      [3, 25],
    ] as const);
    const target = SLA_TARGET[pr]!;

    // Category: a repeat takes one used in the last 30 days; anything else avoids those.
    let cat: (typeof CATEGORIES)[number];
    const recentCats = [...lastUsed].filter(([, t]) => openedMs - t < 32 * DAY).map(([c]) => c);
    let reopen = false;
    if (repeat && recentCats.length && r.chance(0.6)) {
      const name = r.pick(recentCats);
      cat = CATEGORIES.find(([c]) => c === name)!;
    } else {
      reopen = repeat;
      const fresh = CATEGORIES.filter(([c]) => !recentCats.includes(c) && !c.startsWith('Project work'));
      cat = fresh.length ? r.pick(fresh) : r.pick(CATEGORIES);
    }
    if (excluded && r.chance(0.5)) cat = CATEGORIES[CATEGORIES.length - 1]!;
    lastUsed.set(cat[0], openedMs);

    let met = true;
    if (!excluded) met = recent ? !spread(--slaRank, 1 - slaMet) : r.chance(Math.min(0.985, slaMet + 0.05));
    const missResponse = !met && r.chance(0.5);
    const missResolution = !met && (!missResponse || r.chance(0.4));
    const respondedMs = openedMs + Math.round(target.respondMin * (missResponse ? r.between(1.3, 3) : r.between(0.15, 0.9))) * MINUTE;
    let resolvedMs = openedMs + Math.round(target.resolveH * 60 * (missResolution ? r.between(1.3, 2.6) : r.between(0.25, 0.92))) * MINUTE;
    resolvedMs = Math.max(resolvedMs, respondedMs + 10 * MINUTE);
    let closedMs = resolvedMs + r.int(20, 20 * 60) * MINUTE;
    let reopenedMs: number | undefined;
    if (reopen) {
      reopenedMs = resolvedMs + r.int(1, 5) * DAY;
      resolvedMs = reopenedMs + r.int(4, 48) * HOUR;
      closedMs = resolvedMs + r.int(1, 12) * HOUR;
      if (reopenedMs > clock.asOfMs) reopenedMs = undefined;
    }
    const now = clock.asOfMs;
    const isOpen = closedMs > now;
    const t: TicketDraft['signal'] = {
      id: '',
      accountId: ctx.id,
      observedAt: clock.iso(Math.min(now, isOpen ? Math.max(openedMs, now - r.int(5, 600) * MINUTE) : closedMs + r.int(1, 60) * MINUTE)),
      source: ctx.sources.psa,
      sample: true,
      kind: 'ticket',
      ticketId: '',
      summary: cat[1],
      priority: psaTargets[pr]!,
      status: isOpen ? (excluded ? OPEN_STATUS[ctx.psa][2]! : r.pick(OPEN_STATUS[ctx.psa].slice(0, 2))) : CLOSED_STATUS[ctx.psa],
      category: cat[0],
      companyName: r.chance(0.85) ? names[0]! : r.pick(names),
      openedAt: clock.iso(openedMs),
    };
    if (respondedMs <= now) t.respondedAt = clock.iso(respondedMs);
    if (resolvedMs <= now) t.resolvedAt = clock.iso(resolvedMs);
    if (!isOpen) t.closedAt = clock.iso(closedMs);
    if (reopenedMs !== undefined) {
      t.reopenedAt = clock.iso(reopenedMs);
      t.reopenCount = 1;
    }
    if (excluded) {
      t.sla = { excluded: true };
    } else {
      const responseDue = openedMs + target.respondMin * MINUTE;
      const resolutionDue = openedMs + target.resolveH * HOUR;
      t.sla = { responseDueAt: clock.iso(responseDue), resolutionDueAt: clock.iso(resolutionDue) };
      if (respondedMs <= now) t.sla.responseMet = !missResponse;
      else if (responseDue < now) t.sla.responseMet = false;
      if (resolvedMs <= now) t.sla.resolutionMet = !missResolution;
      else if (resolutionDue < now) t.sla.resolutionMet = false;
      if (ctx.psa === 'halopsa') {
        const used = (Math.min(resolvedMs, now) - openedMs) / (resolutionDue - openedMs);
        t.sla.percentUsed = Math.round(used * 1000) / 10;
      }
    }
    drafts.push({ psa: ctx.psa, openedMs, order: ctx.index * 100_000 + k, signal: t });
  }
  return drafts;
}

/** Ticket numbers rise with time within each PSA, as they do in a real PSA. */
function numberTickets(tickets: TicketDraft[], clock: Clock): void {
  const byPsa: Record<Psa, TicketDraft[]> = { connectwise: [], autotask: [], halopsa: [] };
  for (const t of tickets) byPsa[t.psa].push(t);
  for (const psa of PSAS) {
    const list = byPsa[psa].sort((a, b) => a.openedMs - b.openedMs || a.order - b.order);
    const host = SAMPLE_HOSTS[psa];
    const perDay = new Map<number, number>();
    list.forEach((t, i) => {
      let ticketId: string;
      if (psa === 'autotask') {
        // Autotask numbers tickets per day: T20261007.0081.
        const ld = clock.ldOf(t.openedMs);
        const n = (perDay.get(ld) ?? 0) + 1;
        perDay.set(ld, n);
        ticketId = `T${clock.date(ld).replaceAll('-', '')}.${p4(n)}`;
      } else {
        ticketId = String((psa === 'connectwise' ? 284_000 : 41_000) + i);
      }
      t.signal.ticketId = ticketId;
      t.signal.id = `ticket:${host}:${ticketId}`;
    });
  }
}

// =============================================================================================
// Strategic meetings: the cadence chain, misses, late meetings, recaps, attendees, decisions

/** Meeting types rotating along each segment's main cadence, most recent first (DECISIONS §7 menu). */
const ROTATION: Record<Segment, readonly MeetingType[]> = {
  A: ['Executive QBR', 'Roadmap', 'Budget', 'Executive QBR', 'Roadmap', 'Strategy'],
  B: ['QBR', 'Roadmap'],
  C: ['Lifecycle review', 'QBR'],
  D: ['Service review'],
};
const OFF_MENU: Record<Segment, readonly MeetingType[]> = {
  A: ['Strategy'],
  B: ['Strategy'],
  C: ['Strategy'],
  D: ['Strategy'],
};

interface Held {
  id: string;
  type: MeetingType;
  heldMs: number;
  endedMs: number;
  /** Position along the main chain, 0 = most recent (extras: -1). */
  position: number;
  strategic: boolean;
}

function strategicMeetings(ctx: Ctx): Held[] {
  const { clock, scenario: s, segment } = ctx;
  const r = stream(ctx.seed, ctx.index, 'meetings');
  const c = SAMPLE_DESIGN.cadenceDays[segment];
  const grace = SAMPLE_DESIGN.missGraceDays;
  const misses = s.misses ?? 0;
  const earliestMs = Math.max(ctx.firstSeenMs, clock.asOfMs - (SAMPLE_DESIGN.historyDays + 5) * DAY);
  const rotation = s.offMenuTypes ? OFF_MENU[segment] : ROTATION[segment];
  const held: Held[] = [];
  // A client onboarded in the last two months has had no meetings yet: only PSA data so far.
  if (clock.asOfMs - ctx.firstSeenMs < 60 * DAY) return held;
  let seq = 0;
  const nextId = () => `meeting:${ctx.id}:${p4(++seq)}`;

  // The most recent held meeting: recent enough to be on time, or — with k misses — far enough
  // back that exactly k expected meetings (each c days after the last) passed their 7-day grace.
  const lastAgo = misses > 0 ? misses * c + grace + Math.floor(c / 2) : r.int(3, Math.max(4, Math.min(c - 10, 75)));
  let ld = clock.businessBack(clock.todayLd - lastAgo);
  let pos = 0;
  const inWindow = (ms: number) => clock.asOfMs - ms <= SAMPLE_DESIGN.engagementWindowDays * DAY;
  while (true) {
    const heldMs = clock.at(ld, r.pick([9 * 60 + 30, 10 * 60, 14 * 60, 15 * 60 + 30]));
    if (heldMs < earliestMs || heldMs > clock.asOfMs) break;
    held.push({
      id: nextId(),
      type: rotation[pos % rotation.length]!,
      heldMs,
      endedMs: heldMs + r.pick([45, 60, 60, 90]) * MINUTE,
      position: pos,
      strategic: true,
    });
    // Interval to the previous meeting: a little under the cadence (effort ≥ plan), or late.
    const late = (s.lateMeetings ?? 0) > 0 && pos === 0 && inWindow(heldMs);
    const gap = late ? c + grace + 2 : c - r.int(0, Math.min(4, Math.floor(c / 10)));
    ld = clock.businessBack(ld - gap);
    pos++;
  }

  // Missed expected meetings after the last one held.
  if (misses > 0 && held.length) {
    const last = held[0]!;
    for (let k = 1; k <= misses; k++) {
      const plannedLd = clock.businessForward(clock.ldOf(last.heldMs) + k * c);
      const plannedMs = clock.at(plannedLd, 10 * 60);
      pushMeeting(ctx, {
        id: nextId(),
        type: rotation[0]!,
        status: 'missed',
        plannedFor: plannedMs,
        observedMs: Math.min(clock.asOfMs, plannedMs + r.int(1, 3) * DAY),
      });
    }
  }

  // B adds a semi-annual budget session [L183]; A's budget is on its rotation.
  if (segment === 'B' && misses === 0 && !s.offMenuTypes) {
    for (let ago = r.int(35, 60); ; ago += 182) {
      const heldMs = clock.at(clock.businessBack(clock.todayLd - ago), 11 * 60);
      if (heldMs < earliestMs) break;
      held.push({ id: nextId(), type: 'Budget', heldMs, endedMs: heldMs + 60 * MINUTE, position: -1, strategic: true });
    }
  }

  // The next one, planned (most accounts put the date in the calendar).
  if (misses === 0 && held.length && r.chance(0.7)) {
    const last = held[0]!;
    const plannedLd = clock.businessForward(clock.ldOf(last.heldMs) + c - r.int(0, 3));
    const plannedMs = clock.at(plannedLd, 10 * 60);
    if (plannedMs > clock.asOfMs)
      pushMeeting(ctx, {
        id: nextId(),
        type: rotation[(held[0]!.position + rotation.length - 1) % rotation.length]!,
        status: 'planned',
        plannedFor: plannedMs,
        observedMs: clock.asOfMs - r.int(2, 20) * DAY,
      });
  }

  // Ops check-ins (not strategic) for realism, monthly for A/B, every other month for C/D.
  const opsEvery = segment === 'A' || segment === 'B' ? 30 : 61;
  for (let ago = r.int(10, 25); ; ago += opsEvery + r.int(-3, 3)) {
    const heldMs = clock.at(clock.businessBack(clock.todayLd - ago), 16 * 60);
    if (heldMs < earliestMs || ago > 300) break;
    held.push({ id: nextId(), type: 'Ops check-in', heldMs, endedMs: heldMs + 30 * MINUTE, position: -1, strategic: false });
  }

  // Missed touchpoints: ops check-ins that did not happen (engagement drop, DECISIONS §5).
  for (let k = 0; k < (s.missedTouchpoints ?? 0); k++) {
    const plannedMs = clock.at(clock.businessBack(clock.todayLd - 12 - 30 * k), 16 * 60);
    pushMeeting(ctx, { id: nextId(), type: 'Ops check-in', status: 'missed', plannedFor: plannedMs, observedMs: plannedMs + 2 * HOUR });
  }

  // A pulse this month needs a meeting this month: a short ops check-in.
  if (s.pulseThisMonth?.length) {
    const heldMs = clock.thisMonth(0.35);
    held.push({ id: nextId(), type: 'Ops check-in', heldMs, endedMs: Math.min(clock.asOfMs, heldMs + 30 * MINUTE), position: -1, strategic: false });
  }

  held.sort((a, b) => b.heldMs - a.heldMs || a.id.localeCompare(b.id));
  return held;
}

interface MeetingSpec {
  id: string;
  type: MeetingType;
  status: 'planned' | 'held' | 'missed';
  plannedFor?: number;
  heldMs?: number;
  endedMs?: number;
  attendees?: Attendee[];
  recapMs?: number;
  notes?: string;
  observedMs: number;
}

function pushMeeting(ctx: Ctx, m: MeetingSpec): void {
  const { clock } = ctx;
  const s: SignalOf<'meeting'> = {
    id: m.id,
    accountId: ctx.id,
    observedAt: clock.iso(m.observedMs),
    source: ctx.sources.user,
    sample: true,
    kind: 'meeting',
    meetingId: m.id,
    type: m.type,
    status: m.status,
    attendees: m.attendees ?? [],
  };
  if (m.plannedFor !== undefined) s.plannedFor = clock.iso(m.plannedFor);
  if (m.heldMs !== undefined) s.heldAt = clock.iso(m.heldMs);
  if (m.endedMs !== undefined) s.endedAt = clock.iso(m.endedMs);
  if (m.recapMs !== undefined) s.recapSentAt = clock.iso(m.recapMs);
  if (m.notes) s.notes = m.notes;
  ctx.signals.push(s);
}

const DECISION_TITLES: Record<string, readonly string[]> = {
  Budget: ['Approve FY hardware refresh budget', 'Move backup to OpEx subscription', 'Fund security awareness training'],
  Roadmap: ['Sequence Windows 11 rollout before ERP upgrade', 'Adopt Intune for device management', 'Retire on-prem file server'],
  default: [
    'Enforce MFA for all remaining users',
    'Approve 20-hour remediation SOW',
    'Reset QBR cadence to monthly for 90 days',
    'Pilot Conditional Access for admins',
    'Replace end-of-life firewalls',
    'Adopt Teams Phone for the front desk',
    'Add EDR to the remaining servers',
    'Move line-of-business app to Azure',
  ],
};
const BUDGETS = ['$4,800', '$12,000', '$2,500', 'OpEx $1,200/mo', '$18,500', 'OpEx $650/mo', '$7,200'] as const;

/** Attendees, recaps, pulses, decisions and exec contacts for the held meetings. */
function meetingExtras(ctx: Ctx, held: Held[]): void {
  const { clock, scenario: s } = ctx;
  const r = stream(ctx.seed, ctx.index, 'meeting-extras');
  const now = clock.asOfMs;
  const execCutoffMs = s.execLastSeenDays !== undefined ? now - s.execLastSeenDays * DAY : undefined;
  const execs = ctx.contacts.filter((c) => c.exec);
  const others = ctx.contacts.filter((c) => !c.exec);
  // Recap outcomes for the most recent strategic meetings whose 48 h deadline has passed.
  const due = held.filter((h) => h.strategic && h.endedMs + 48 * HOUR < now);
  const nLate = s.recapLate ?? 0;
  const recapLate = new Set(due.slice(0, nLate).map((h) => h.id));
  const recapNever = new Set(due.slice(nLate, nLate + (s.recapNever ?? 0)).map((h) => h.id));
  const mainChain = held.filter((h) => h.strategic);
  // With two or more misses the sponsor went quiet with the cadence: no contact after the last meeting.
  const quietSinceMs = (s.misses ?? 0) >= 2 && mainChain.length ? mainChain[0]!.heldMs : undefined;
  const execTimes: number[] = [];
  let lastExecMs = -Infinity;
  let decisionSeq = 0;
  // Two relevance/timing declines within 180 days flag At-Risk [L236]: keep it to one per window.
  let softDeclineMs = -Infinity;
  const declineReason = (decidedMs: number): 'price' | 'timing' | 'relevance' | 'dependency' => {
    const reason = r.weighted([['price', 45], ['dependency', 25], ['timing', 20], ['relevance', 10]] as const);
    if (reason === 'price' || reason === 'dependency') return reason;
    if (decidedMs - softDeclineMs < 200 * DAY) return 'price';
    softDeclineMs = decidedMs;
    return reason;
  };
  let pulseSeq = 0;
  const pulses: Signal[] = [];
  const decisions: Signal[] = [];

  held.forEach((h) => {
    const rank = mainChain.indexOf(h);
    const execAllowed = execCutoffMs === undefined || h.heldMs <= execCutoffMs;
    const execPresent = h.strategic && execAllowed && (ctx.segment === 'A' || ctx.segment === 'B' || h.position % 2 === 0 || r.chance(0.5));
    const attendees: Attendee[] = [];
    if (execPresent) {
      const e = execs[rank % 2 === 0 ? 0 : execs.length - 1] ?? execs[0]!;
      attendees.push({ name: e.name, title: e.title, decisionMaker: true, exec: true });
      lastExecMs = Math.max(lastExecMs, h.heldMs);
      execTimes.push(h.heldMs);
    }
    // A decision-maker present also counts as "exec seen" (DECISIONS §7), so both follow the cutoff;
    // ops check-ins are with the office, not the decision-makers.
    const dmPresent = h.strategic && execAllowed && (execPresent || r.chance(0.75));
    const it = others.find((o) => o.decisionMaker);
    if (it && dmPresent) attendees.push({ name: it.name, title: it.title, decisionMaker: true, exec: false });
    attendees.push(...others.filter((o) => !o.decisionMaker && r.chance(0.4)).map((o) => ({ name: o.name, title: o.title, decisionMaker: false, exec: false })));
    if (!attendees.length) attendees.push({ name: others[others.length - 1]!.name, title: others[others.length - 1]!.title, decisionMaker: false, exec: false });

    let recapMs: number | undefined;
    if (h.strategic) {
      // Beyond the engagement window history has the odd late or missing recap too.
      const old = now - h.heldMs > SAMPLE_DESIGN.engagementWindowDays * DAY + 10 * DAY;
      const roll = old ? r.next() : 1;
      if (recapNever.has(h.id) || roll < 0.04) recapMs = undefined;
      else if (recapLate.has(h.id) || roll < 0.14) recapMs = h.endedMs + r.int(55, 96) * HOUR;
      else recapMs = h.endedMs + r.int(2, 30) * HOUR + r.int(0, 59) * MINUTE;
      if (recapMs !== undefined && recapMs > now) recapMs = undefined;
    }
    pushMeeting(ctx, {
      id: h.id,
      type: h.type,
      status: 'held',
      plannedFor: h.strategic ? h.heldMs : undefined,
      heldMs: h.heldMs,
      endedMs: h.endedMs,
      attendees,
      recapMs,
      observedMs: Math.min(now, recapMs ?? h.endedMs + r.int(10, 180) * MINUTE),
    });

    // Pulse after the meeting.
    const thisMonthPulse = h.heldMs >= clock.monthStartMs;
    if (thisMonthPulse || r.chance(0.75)) {
      let at = h.endedMs + r.int(1, 20) * HOUR;
      if (at > now) at = h.endedMs + Math.floor((now - h.endedMs) / 2);
      const inMonth = at >= clock.monthStartMs;
      // Low scores only in older history: a recent one would (rightly) fire "CX down".
      const old = now - at > 60 * DAY;
      const score = inMonth ? (s.pulseThisMonth?.[0] ?? 5) : r.weighted([[5, 60], [4, 35], [3, old ? 5 : 0]] as const);
      pulses.push({
        id: `pulse:${ctx.id}:${p4(++pulseSeq)}`,
        accountId: ctx.id,
        observedAt: clock.iso(at),
        source: ctx.sources.user,
        sample: true,
        kind: 'pulse',
        meetingId: h.id,
        score,
        ...(score <= 3 ? { missing: r.pick(['Too much time on tickets, not enough on the roadmap', 'We expected the new backup proposal', 'Felt like the same deck as last quarter']) } : {}),
        at: clock.iso(at),
      });
    }

    // Decisions: at most two per strategic meeting, sometimes a third "other action" (DECISIONS §6).
    if (!h.strategic) return;
    const gap =
      (s.decisionGaps === 'alternate' && rank % 2 === 1) ||
      (s.decisionGaps === 'lastTwo' && rank >= 0 && rank < 2) ||
      (rank >= 8 && r.chance(0.15));
    const n = gap ? 0 : r.weighted([[1, 55], [2, 40], [3, 5]] as const);
    const titles = DECISION_TITLES[h.type] ?? DECISION_TITLES.default!;
    for (let k = 0; k < n; k++) {
      const decidedAfter = r.int(4, 21);
      const decidedMs = h.endedMs + decidedAfter * DAY;
      const decided = decidedMs < now - DAY;
      const yes = r.chance(0.85);
      const noBudget = (s.decisionsWithoutBudget && rank < 2) || r.chance(0.08);
      const owner = r.chance(0.5) ? (ctx.roles.vcio ?? ctx.roles.am ?? ctx.contacts[0]!.name) : ctx.contacts[r.int(0, 2)]!.name;
      decisions.push({
        id: `decision:${ctx.id}:${p4(++decisionSeq)}`,
        accountId: ctx.id,
        observedAt: clock.iso(decided ? decidedMs : Math.min(now, h.endedMs + 2 * HOUR)),
        source: ctx.sources.user,
        sample: true,
        kind: 'decision',
        decisionId: `decision:${ctx.id}:${p4(decisionSeq)}`,
        meetingId: h.id,
        title: titles[(rank + k + ctx.index) % titles.length]!,
        whyNow: 'Raised in the health review; the risk grows each quarter we wait.',
        impact: 'Fewer incidents and a cleaner audit for the insurer.',
        owner,
        dueDate: clock.date(clock.ldOf(h.heldMs) + r.int(30, 90)),
        ...(noBudget ? {} : { budget: r.pick(BUDGETS) }),
        proposedAt: clock.iso(h.heldMs + 30 * MINUTE),
        status: decided ? (yes ? 'yes' : 'no') : 'pending',
        ...(decided ? { decidedAt: clock.iso(decidedMs) } : {}),
        ...(decided && !yes ? { declineReason: declineReason(decidedMs) } : {}),
        ...(k === 2 ? { otherAction: true } : {}),
      });
    }
  });

  // A proposal sent outside a meeting that has waited too long (proposal aging).
  if (s.stalePendingDays !== undefined) {
    decisions.push({
      id: `decision:${ctx.id}:${p4(++decisionSeq)}`,
      accountId: ctx.id,
      observedAt: clock.iso(now - s.stalePendingDays * DAY),
      source: ctx.sources.user,
      sample: true,
      kind: 'decision',
      decisionId: `decision:${ctx.id}:${p4(decisionSeq)}`,
      title: 'Proposal: replace end-of-life switches',
      owner: ctx.roles.am ?? ctx.contacts[0]!.name,
      dueDate: clock.date(clock.todayLd + 30),
      budget: '$9,400',
      proposedAt: clock.iso(clock.daysAgo(s.stalePendingDays, 11 * 60)),
      status: 'pending',
    });
  }

  // Exec contacts outside meetings keep the sponsor heartbeat ≤ 120 d (DECISIONS §7), unless the
  // scenario wants the sponsor gone; then one last contact sits exactly that long ago.
  const execSeen = (ms: number, k: number) =>
    ctx.signals.push({
      id: `execSeen:${ctx.id}:${p4(k)}`,
      accountId: ctx.id,
      observedAt: clock.iso(ms),
      source: ctx.sources.user,
      sample: true,
      kind: 'execSeen',
      name: execs[0]!.name,
      at: clock.iso(ms),
    });
  let k = 0;
  if (execCutoffMs !== undefined) {
    if (lastExecMs < execCutoffMs - 2 * DAY && execCutoffMs > ctx.firstSeenMs) execSeen(clock.daysAgo(s.execLastSeenDays!, 12 * 60), ++k);
  } else {
    // Walk forward from first seen: whenever 80 days pass without an exec contact, log one.
    const until = quietSinceMs ?? now;
    for (let t = Math.max(ctx.firstSeenMs, now - SAMPLE_DESIGN.historyDays * DAY); t < until; t += 20 * DAY) {
      const last = Math.max(-Infinity, ...execTimes.filter((x) => x <= t));
      if (t - last > 80 * DAY) {
        const at = Math.min(now - DAY, t - r.int(0, 10) * DAY);
        if (at > ctx.firstSeenMs && now - ctx.firstSeenMs > 30 * DAY) {
          execTimes.push(at);
          execSeen(clock.at(clock.businessBack(clock.ldOf(at)), 13 * 60), ++k);
        }
      }
    }
  }
  ctx.signals.push(...pulses, ...decisions);
}

// =============================================================================================
// Complaints, adoption, milestones, assessments, initiatives, stakeholders

const COMPLAINT_TEXT: Record<ComplaintRootCause, string> = {
  Cadence: 'We keep rescheduling the review; nobody has booked the next one.',
  Relevance: 'The QBR was a ticket report; we wanted to talk about the new office.',
  'Follow-through': 'Nothing happened after the last meeting — no recap, no owner.',
  Quality: 'Same VPN problem for the third time this month.',
};

function complaints(ctx: Ctx): void {
  const { clock, scenario: s } = ctx;
  const r = stream(ctx.seed, ctx.index, 'complaints');
  let seq = 0;
  const push = (ms: number, rootCause: ComplaintRootCause) =>
    ctx.signals.push({
      id: `complaint:${ctx.id}:${p4(++seq)}`,
      accountId: ctx.id,
      observedAt: clock.iso(ms),
      source: ctx.sources.user,
      sample: true,
      kind: 'complaint',
      rootCause,
      summary: COMPLAINT_TEXT[rootCause],
      at: clock.iso(ms),
    });
  // History: a few a year, never in the current or previous month (those are the scenario's).
  const qualityTrouble = (s.slaMet ?? 1) < 0.8;
  const historical = r.int(0, 2) + (qualityTrouble ? 2 : 0);
  const prevMonthLastLd = clock.ldOf(clock.monthStartMs - 1);
  const prevMonthStartLd = prevMonthLastLd - new Date(prevMonthLastLd * DAY).getUTCDate() + 1;
  for (let i = 0; i < historical; i++) {
    const ms = clock.at(clock.businessBack(prevMonthStartLd - r.int(5, 330)), r.int(9 * 60, 17 * 60));
    if (ms < ctx.firstSeenMs) continue;
    push(ms, qualityTrouble && i < 2 ? 'Quality' : r.pick(COMPLAINT_ROOT_CAUSES));
  }
  (s.complaintsThisMonth ?? []).forEach((rc, i) => push(clock.thisMonth(0.5 + i * 0.1), rc));
}

const INSIGHT_WEIGHT: Record<Insight, number> = { mfa: 5, endpoint: 4, backup: 4, conditionalAccess: 3, emailSecurity: 3, collaboration: 2, encryption: 2 };
/** Typical shape of an MSP client's coverage around its DMI (MFA/endpoint/backup usually lead). */
const INSIGHT_OFFSET: Record<Insight, number> = { mfa: 5, endpoint: 4, backup: 5, conditionalAccess: -5, emailSecurity: 2, collaboration: -8, encryption: -6 };
const INSIGHTS = DEFAULT_INSIGHTS as readonly Insight[];

/** Coverage per insight whose weighted mean (the DMI) is `target`, with the fixed overrides. */
export function coverageFor(target: number, overrides: Partial<Record<Insight, number>>, noise: () => number): Record<Insight, number> {
  const v = {} as Record<Insight, number>;
  for (const i of INSIGHTS) v[i] = overrides[i] ?? target + INSIGHT_OFFSET[i] + noise();
  for (let pass = 0; pass < 4; pass++) {
    const free = INSIGHTS.filter((i) => overrides[i] === undefined && v[i] > 0 && v[i] < 100);
    const dmi = INSIGHTS.reduce((sum, i) => sum + v[i] * INSIGHT_WEIGHT[i], 0) / 23;
    const fw = free.reduce((sum, i) => sum + INSIGHT_WEIGHT[i], 0);
    if (!fw || Math.abs(dmi - target) < 0.05) break;
    const shift = ((target - dmi) * 23) / fw;
    for (const i of free) v[i] = Math.min(100, Math.max(0, v[i] + shift));
  }
  return v;
}

function adoption(ctx: Ctx): void {
  const { clock, scenario: s, segment } = ctx;
  if (s.noTenant || s.adoption === 'none') return;
  const r = stream(ctx.seed, ctx.index, 'adoption');
  const level = s.adoption ?? 'green';
  const target = SAMPLE_DESIGN.dmiTarget[level][segment];
  // Healthy and middling clients back up fine and stay clear of fix-first unless the scenario says
  // otherwise (MFA ≥ 60%, endpoint ≥ 80%, DECISIONS §3); the other insights carry the DMI.
  const fixed: Partial<Record<Insight, number>> = { ...s.insightOverrides };
  if (level !== 'red') {
    fixed.backup ??= round1(r.between(96, 99.5));
    const natural = coverageFor(target, fixed, () => 0);
    if (natural.mfa < 62) fixed.mfa ??= round1(r.between(62, 70));
    if (natural.endpoint < 82) fixed.endpoint ??= round1(r.between(82, 88));
  }
  const current = coverageFor(target, fixed, () => r.between(-3, 3));
  const trend = s.adoptionTrend ?? 0.6;
  const users = Math.max(12, Math.round((s.mrr ?? 1500) / 100));
  const devices = Math.round(users * 1.2);
  const detail: Record<Insight, (cov: number, n: number) => string> = {
    mfa: (c, n) => `MFA registered: ${c}/${n} users`,
    endpoint: (c, n) => `Compliant devices (EDR healthy, patched): ${c}/${n}`,
    backup: (c, n) => `Successful backup jobs, last 30 days: ${c}/${n}`,
    conditionalAccess: (c, n) => `Users covered by Conditional Access policies: ${c}/${n}`,
    emailSecurity: (c, n) => `Mailboxes with Defender for Office 365: ${c}/${n}`,
    collaboration: (c, n) => `Teams/SharePoint weekly active users: ${c}/${n}`,
    encryption: (c, n) => `BitLocker-encrypted devices: ${c}/${n}`,
  };
  const denominators: Record<Insight, number> = {
    mfa: users, endpoint: devices, backup: 30 * Math.max(2, Math.round(devices / 10)), conditionalAccess: users,
    emailSecurity: users, collaboration: users, encryption: devices,
  };
  const seenSince = Math.floor((clock.asOfMs - ctx.firstSeenMs) / DAY);
  for (let month = 5; month >= 0; month--) {
    const ago = 5 + month * 30;
    if (ago > seenSince) continue;
    const ms = clock.at(clock.businessBack(clock.todayLd - ago), 8 * 60 + r.int(0, 540));
    for (const insight of INSIGHTS) {
      const pinned = fixed[insight] !== undefined;
      const pct = Math.min(100, Math.max(0, current[insight] - (pinned ? 0 : trend * month) + (month && !pinned ? r.between(-1, 1) : 0)));
      const counted = denominators[insight];
      const covered = Math.round((counted * pct) / 100);
      ctx.signals.push({
        id: `adoption:${ctx.client.domain}:${insight}:${clock.date(clock.ldOf(ms))}`,
        accountId: ctx.id,
        observedAt: clock.iso(ms),
        source: ctx.sources.m365,
        sample: true,
        kind: 'adoption',
        insight,
        coveragePct: Math.round((covered / counted) * 1000) / 10,
        counted,
        covered,
        detail: detail[insight](covered, counted),
      });
    }
  }
}

const PROJECTS = ['Windows 11 rollout', 'Backup modernisation', 'Intune enrolment', 'Firewall replacement', 'SharePoint migration', 'Teams Phone cut-over'] as const;
const STEPS = ['design sign-off', 'pilot group', 'wave 1', 'wave 2', 'cut-over', 'handover'] as const;

function milestones(ctx: Ctx): void {
  const { clock, scenario: s } = ctx;
  const r = stream(ctx.seed, ctx.index, 'milestones');
  const mode = s.milestones ?? 'onTime';
  let seq = 0;
  // One milestone every ~40 days over the year, plus two upcoming; the last 90 days follow `mode`.
  let recent = 0;
  for (let ago = 330 + r.int(0, 20); ago > -60; ago -= 35 + r.int(0, 10)) {
    const dueLd = clock.businessBack(clock.todayLd - ago);
    const dueMs = clock.at(dueLd, 17 * 60);
    if (dueMs < ctx.firstSeenMs) continue;
    const inRecent = ago <= 90 && ago > 0;
    if (inRecent && mode === 'none') continue;
    let completedMs: number | undefined;
    if (ago > 0) {
      const late = inRecent ? mode === 'late' || (mode === 'mixed' && recent++ % 2 === 0) : r.chance(0.1);
      completedMs = late ? dueMs + r.int(16, 30) * DAY : dueMs - r.int(0, 4) * DAY - r.int(1, 6) * HOUR;
      if (completedMs > clock.asOfMs) completedMs = undefined;
    }
    const project = PROJECTS[(ctx.index + seq) % PROJECTS.length]!;
    const id = `milestone:${ctx.id}:${p4(++seq)}`;
    ctx.signals.push({
      id,
      accountId: ctx.id,
      observedAt: clock.iso(Math.min(clock.asOfMs, completedMs ?? clock.asOfMs - r.int(1, 5) * DAY)),
      source: ctx.sources.psa,
      sample: true,
      kind: 'milestone',
      milestoneId: id,
      name: `${project} — ${STEPS[seq % STEPS.length]}`,
      dueAt: clock.iso(dueMs),
      ...(completedMs !== undefined ? { completedAt: clock.iso(completedMs) } : {}),
    });
  }
}

function assessmentsAndInitiatives(ctx: Ctx): void {
  const { clock, scenario: s } = ctx;
  const r = stream(ctx.seed, ctx.index, 'assessments');
  const seenDays = Math.floor((clock.asOfMs - ctx.firstSeenMs) / DAY);
  let seq = 0;
  const assessment = (ago: number, name: string) => {
    const ms = clock.at(clock.businessBack(clock.todayLd - ago), 15 * 60);
    const id = `assessment:${ctx.id}:${p4(++seq)}`;
    ctx.signals.push({
      id,
      accountId: ctx.id,
      observedAt: clock.iso(Math.min(clock.asOfMs, ms + 2 * HOUR)),
      source: ctx.sources.user,
      sample: true,
      kind: 'assessment',
      assessmentId: id,
      name,
      completedAt: clock.iso(ms),
    });
  };
  // History well outside the +10 d window; the scenario's assessment is recent.
  for (const [ago, name] of [
    [r.int(200, 320), 'Annual security assessment'],
    [r.int(60, 150), 'Lifecycle & warranty review'],
  ] as const)
    if (ago < seenDays) assessment(ago, name);
  if (s.assessmentDaysAgo !== undefined) assessment(s.assessmentDaysAgo, 'Microsoft 365 security assessment');

  let iseq = 0;
  const initiative = (ago: number, name: string, stage: 'proposed' | 'approved' | 'in-progress' | 'done' | 'declined') => {
    const ms = clock.at(clock.businessBack(clock.todayLd - ago), 11 * 60);
    const id = `initiative:${ctx.id}:${p4(++iseq)}`;
    ctx.signals.push({
      id,
      accountId: ctx.id,
      observedAt: clock.iso(Math.min(clock.asOfMs, ms + HOUR)),
      source: ctx.sources.user,
      sample: true,
      kind: 'initiative',
      initiativeId: id,
      name,
      stage,
      changedAt: clock.iso(ms),
    });
  };
  const pool = ['Zero-trust access', 'Device lifecycle refresh', 'Cloud backup', 'Phishing training', 'Intranet on SharePoint', 'Teams Phone'] as const;
  const off = ctx.index % pool.length;
  const name = (k: number) => pool[(off + k) % pool.length]!;
  if (seenDays > 250) initiative(r.int(200, 300), name(0), 'done');
  if (seenDays > 120) initiative(r.int(60, 110), name(1), r.chance(0.8) ? 'in-progress' : 'declined');
  if (seenDays > 40) initiative(r.int(12, 35), name(2), 'proposed');
  if (s.initiativeApprovedDaysAgo !== undefined) initiative(s.initiativeApprovedDaysAgo, name(3), 'approved');
}

function stakeholders(ctx: Ctx): void {
  const { clock, scenario: s } = ctx;
  const r = stream(ctx.seed, ctx.index, 'stakeholders');
  const seenDays = Math.floor((clock.asOfMs - ctx.firstSeenMs) / DAY);
  let seq = 0;
  const push = (ago: number, name: string, title: string, change: 'joined' | 'left' | 'role-changed', exec: boolean) => {
    const ms = clock.at(clock.businessBack(clock.todayLd - ago), 10 * 60);
    ctx.signals.push({
      id: `stakeholder:${ctx.id}:${p4(++seq)}`,
      accountId: ctx.id,
      observedAt: clock.iso(Math.min(clock.asOfMs, ms + HOUR)),
      source: ctx.sources.user,
      sample: true,
      kind: 'stakeholderChange',
      name,
      title,
      change,
      exec,
      at: clock.iso(ms),
    });
  };
  if (r.chance(0.3) && seenDays > 120) {
    const c = ctx.contacts[r.int(2, 4)]!;
    push(r.int(90, Math.min(330, seenDays)), c.name, c.title, 'joined', false);
  }
  if (s.stakeholderChange) {
    const { daysAgo, change, title, exec } = s.stakeholderChange;
    const who = change === 'left' ? (ctx.contacts.find((c) => c.title === title) ?? ctx.contacts[2]!).name : `${r.pick(FIRST)} ${r.pick(LAST)}`;
    push(daysAgo, who, title, change, exec);
  }
}
