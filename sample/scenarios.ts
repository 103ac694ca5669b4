/**
 * What each sample account is meant to show. The first 40 accounts (the `SAMPLE_CLIENTS`) each get a
 * hand-written scenario so that, as of any `asOf`, the portfolio exercises every colour of every
 * dimension, every overall colour, at-risk, the expansion gate, fix-first, each missed-cadence step
 * and each of the six cadence triggers (DECISIONS §1–§5). Accounts beyond 40 (benchmarks, large
 * demos) get a scenario drawn at random from `syntheticScenario`, mostly healthy.
 *
 * Scenarios are *knobs*, not results: the generator turns them into signals, the engine computes
 * the colours. `expect` documents the colours a scenario is designed to produce (DECISIONS defaults);
 * the coverage test holds the real engine to them.
 */
import type { ComplaintRootCause, Role, Segment } from '../engine/signals';
import type { Colour, Dimension, Overall } from '../engine/model';

export type Level = 'green' | 'yellow' | 'red';

export type Insight = 'mfa' | 'endpoint' | 'backup' | 'conditionalAccess' | 'emailSecurity' | 'collaboration' | 'encryption';

export interface Scenario {
  /** One line for demos and docs: what this account shows. */
  story: string;
  /** 1–5; both absent → no scores, the default segment is assumed (DECISIONS §1). */
  maturity?: number;
  appetite?: number;
  override?: { segment: Segment; rationale: string; by: string };
  /** Monthly recurring revenue; absent → not known yet. */
  mrr?: number;
  /** Days since Metronome first saw the account (default: 400–700, i.e. a long history). */
  firstSeenDaysAgo?: number;
  /** Nothing read yet but the account itself. */
  empty?: boolean;
  /** No M365 tenant linked → no adoption data. */
  noTenant?: boolean;
  /** Roles deliberately left without a person (shown as "unassigned"). */
  unassigned?: Role[];

  // --- Technology Adoption (DMI) ------------------------------------------------------------
  /** Target DMI band for the segment; 'none' = no readings. */
  adoption?: Level | 'none';
  /** Fixed coverage for some insights (e.g. MFA 45% → fix-first). */
  insightOverrides?: Partial<Record<Insight, number>>;
  /** DMI change per month over the last 6 months (negative = falling). Default +0.6. */
  adoptionTrend?: number;

  // --- Service Quality -----------------------------------------------------------------------
  /** Share of recent tickets meeting both SLA targets. Default 0.97. */
  slaMet?: number;
  /** Share of recent tickets that repeat a category within 30 days or were reopened. Default 0.03. */
  repeatRate?: number;
  /** Milestones due in the last 90 days. Default 'onTime'. */
  milestones?: 'onTime' | 'mixed' | 'late' | 'none';
  /** Tickets over 13 months (default from MRR, 25–160). */
  ticketVolume?: number;

  // --- Engagement / Alignment (strategic meetings) -------------------------------------------
  /** Consecutive missed expected strategic meetings up to asOf (DECISIONS §5 steps). */
  misses?: 0 | 1 | 2 | 3;
  /** Main-cadence meetings in the last 180 days held late (after due + 7 d). */
  lateMeetings?: number;
  /** Among the most recent held strategic meetings: recaps sent after 48 h / never sent. */
  recapLate?: number;
  recapNever?: number;
  /** Which strategic meetings logged no decision: none missing, every other one, or the last two. */
  decisionGaps?: 'none' | 'alternate' | 'lastTwo';
  /** Strategic meetings use types outside the segment's service menu (Alignment check 2 fails). */
  offMenuTypes?: boolean;
  /** Days since the exec sponsor was last seen (meeting attendee or logged contact). Default ≤ 80. */
  execLastSeenDays?: number;
  /** Ops check-ins (not strategic) missed in the last 90 days — "missed touchpoints" (CAD-5). */
  missedTouchpoints?: number;
  /** Pending decisions older than this many days (proposal aging). */
  stalePendingDays?: number;
  /** Some decisions lack a budget (credit gate). */
  decisionsWithoutBudget?: boolean;

  // --- Client Experience (this month) --------------------------------------------------------
  /** Pulse scores logged this month (after an ops check-in); default: 5s after any meeting this month. */
  pulseThisMonth?: number[];
  complaintsThisMonth?: ComplaintRootCause[];

  // --- Dates that drive the six cadence triggers (DECISIONS §5) -------------------------------
  renewalInDays?: number;
  fiscalYearEndInDays?: number;
  assessmentDaysAgo?: number;
  initiativeApprovedDaysAgo?: number;
  /** Recent stakeholder change (days ago). */
  stakeholderChange?: { daysAgo: number; change: 'joined' | 'left'; title: string; exec: boolean };

  /** The colours this scenario is designed to produce under DECISIONS defaults. */
  expect?: Partial<Record<Dimension, Colour>> & { overall?: Overall; atRisk?: boolean };
}

/** The 40 named sample clients, by `SAMPLE_CLIENTS` index. */
export const NAMED_SCENARIOS: readonly Scenario[] = [
  /* 0 Contoso */ {
    story: 'Exemplary A client: monthly strategy cadence held, recaps on time, high DMI — all Green.',
    maturity: 5, appetite: 4, mrr: 24_500, adoption: 'green',
    expect: { experience: 'green', adoption: 'green', engagement: 'green', quality: 'green', alignment: 'green', overall: 'green' },
  },
  /* 1 Northwind */ {
    story: "CX Yellow (this month's pulse averages 4.0) and Engagement Yellow (one recap sent after 48 h).",
    maturity: 4, appetite: 5, mrr: 18_200, adoption: 'green', pulseThisMonth: [4], recapLate: 1,
    expect: { experience: 'yellow', adoption: 'green', engagement: 'yellow' },
  },
  /* 2 Fabrikam */ {
    story: 'Renewal in 60 days: the renewal −90 d planning call is due (AM owns, vCIO accountable).',
    maturity: 2, appetite: 4, mrr: 9_100, adoption: 'green', renewalInDays: 60,
  },
  /* 3 Adatum */ {
    story: 'DMI Red for months (backup, Conditional Access, email security lagging) — expansion credit gated.',
    maturity: 5, appetite: 5, mrr: 16_800, adoption: 'red', adoptionTrend: 0,
    insightOverrides: { mfa: 72, endpoint: 84 },
    expect: { adoption: 'red' },
  },
  /* 4 Litware */ {
    story: 'Two consecutive strategic meetings missed: Re-engage Stakeholders CTA and At-Risk.',
    maturity: 2, appetite: 5, mrr: 7_300, adoption: 'green', misses: 2,
    expect: { engagement: 'red', alignment: 'red', atRisk: true },
  },
  /* 5 Tailspin */ {
    story: 'One strategic meeting missed: reschedule within 7 days.',
    maturity: 4, appetite: 2, mrr: 3_600, adoption: 'green', misses: 1,
  },
  /* 6 Wingtip */ {
    story: 'Three consecutive misses (and the last recap never sent): segmentation & cadence review; overall Red.',
    maturity: 3, appetite: 3, mrr: 11_200, adoption: 'yellow', misses: 3, recapNever: 1,
    expect: { engagement: 'red', alignment: 'red', overall: 'red', atRisk: true },
  },
  /* 7 Proseware */ {
    story: 'MFA registration at 45%: fix-first gate on, adoption remediation CTA for the TAM.',
    maturity: 3, appetite: 1, mrr: 4_300, adoption: 'yellow', insightOverrides: { mfa: 45 },
  },
  /* 8 Müller */ {
    story: 'Fiscal year ends in 20 days: budget session due (−30 d trigger).',
    maturity: 1, appetite: 3, mrr: 6_600, adoption: 'green', fiscalYearEndInDays: 20,
  },
  /* 9 Café Lumière */ {
    story: 'Healthy D client: semi-annual service review, owner checked in by phone.',
    maturity: 1, appetite: 1, mrr: 1_250, adoption: 'green',
    expect: { alignment: 'green' },
  },
  /* 10 Åsgård */ {
    story: 'Security assessment completed 3 days ago: roadmap review due at +10 days.',
    maturity: 4, appetite: 1, mrr: 5_200, adoption: 'green', assessmentDaysAgo: 3,
  },
  /* 11 Blue Yonder */ {
    story: 'Initiative approved 2 days ago: delivery kick-off within 5 business days.',
    maturity: 5, appetite: 5, mrr: 21_300, adoption: 'green', initiativeApprovedDaysAgo: 2,
  },
  /* 12 Coho */ {
    story: 'No maturity/appetite scores yet: default segment assumed; service quality slipping.',
    mrr: 950, adoption: 'green', slaMet: 0.86, repeatRate: 0.1, milestones: 'mixed',
  },
  /* 13 Fourth Coffee */ {
    story: 'Service Quality Red: SLA misses, repeat VPN tickets and reopens, a late milestone.',
    maturity: 3, appetite: 2, mrr: 2_900, adoption: 'green', slaMet: 0.6, repeatRate: 0.35, milestones: 'late',
    expect: { quality: 'red' },
  },
  /* 14 GDI */ {
    story: "CX Red: this month's pulse is 3/5 and a cadence complaint was logged.",
    maturity: 2, appetite: 3, mrr: 4_800, adoption: 'green', pulseThisMonth: [3], complaintsThisMonth: ['Cadence'],
    expect: { experience: 'red' },
  },
  /* 15 Humongous */ {
    story: 'Scores say A; overridden to B with a logged rationale.',
    maturity: 4, appetite: 5, mrr: 19_400, adoption: 'green',
    override: {
      segment: 'B',
      rationale: 'Budget freeze until Q3; the CFO asked for quarterly rather than monthly strategy reviews.',
      by: 'Dana Whitfield',
    },
  },
  /* 16 Lucerne */ {
    story: 'Engagement Yellow: every other strategic meeting ended without a logged decision.',
    maturity: 3, appetite: 2, mrr: 2_450, adoption: 'green', decisionGaps: 'alternate',
    expect: { engagement: 'yellow' },
  },
  /* 17 Margie’s */ {
    story: 'Onboarded 25 days ago: only tickets read so far — Insufficient data overall.',
    maturity: 2, appetite: 1, mrr: 1_480, firstSeenDaysAgo: 25, noTenant: true, adoption: 'none',
    expect: { experience: 'nodata', adoption: 'nodata', engagement: 'nodata', overall: 'insufficient' },
  },
  /* 18 Nod */ {
    story: 'No M365 tenant linked: Technology Adoption has no data, everything else healthy.',
    maturity: 3, appetite: 1, mrr: 2_050, noTenant: true, adoption: 'none',
    expect: { adoption: 'nodata' },
  },
  /* 19 Relecloud */ {
    story: 'Service Quality Yellow: SLA adherence around 80% with a few repeat tickets.',
    maturity: 2, appetite: 4, mrr: 8_100, adoption: 'green', slaMet: 0.8, repeatRate: 0.15, milestones: 'mixed',
    expect: { quality: 'yellow' },
  },
  /* 20 School of Fine Art */ {
    story: 'Added 4 days ago, nothing read yet: every dimension No data.',
    maturity: 1, appetite: 2, firstSeenDaysAgo: 4, empty: true, noTenant: true, adoption: 'none',
    unassigned: ['cadenceOwner', 'backup', 'am', 'tam', 'vcio'],
    expect: {
      experience: 'nodata', adoption: 'nodata', engagement: 'nodata', quality: 'nodata', alignment: 'nodata',
      overall: 'insufficient',
    },
  },
  /* 21 Southridge */ {
    story: 'Alignment Yellow: ad-hoc strategy chats instead of the lifecycle reviews C clients need.',
    maturity: 3, appetite: 2, mrr: 3_050, adoption: 'green', offMenuTypes: true,
    expect: { alignment: 'yellow' },
  },
  /* 22 Trey */ {
    story: 'Exec sponsor not seen for 150 days and off-menu meetings: CX, Engagement and Alignment Red.',
    maturity: 1, appetite: 4, mrr: 7_600, adoption: 'green', execLastSeenDays: 150, offMenuTypes: true,
    expect: { experience: 'red', engagement: 'red', alignment: 'red', overall: 'red' },
  },
  /* 23 VanArsdel */ {
    story: 'DMI Yellow: between the A segment edges (80–90).',
    maturity: 4, appetite: 4, mrr: 14_100, adoption: 'yellow',
    expect: { adoption: 'yellow' },
  },
  /* 24 Wide World */ {
    story: 'SLA below the A target (97%) two months running: At-Risk; two decisions logged without a budget (no credit).',
    maturity: 5, appetite: 3, mrr: 20_200, adoption: 'green', slaMet: 0.86, repeatRate: 0.1, decisionsWithoutBudget: true,
  },
  /* 25 Woodgrove */ {
    story: 'No scores yet (default segment assumed) for a large, healthy account.',
    mrr: 12_600, adoption: 'green',
  },
  /* 26 Alpine */ {
    story: 'CX Yellow: one complaint this month (tagged Cadence).',
    maturity: 4, appetite: 1, mrr: 2_650, adoption: 'green', complaintsThisMonth: ['Cadence'],
    expect: { experience: 'yellow' },
  },
  /* 27 Bellows */ {
    story: 'DMI Red for a D client: backups and endpoint protection well below target.',
    maturity: 2, appetite: 2, mrr: 1_850, adoption: 'red',
    expect: { adoption: 'red' },
  },
  /* 28 Best For You */ {
    story: 'Endpoint compliance 72% (fix-first) but no TAM assigned: the CTA shows "unassigned".',
    maturity: 1, appetite: 1, mrr: 720, adoption: 'yellow', insightOverrides: { endpoint: 72 }, unassigned: ['tam'],
  },
  /* 29 City Power */ {
    story: 'Engagement Red: the last two strategic meetings logged no decision; a proposal is 45 days old.',
    maturity: 2, appetite: 3, mrr: 10_400, adoption: 'green', decisionGaps: 'lastTwo', stalePendingDays: 45,
    expect: { engagement: 'red' },
  },
  /* 30 Consolidated */ {
    story: 'The CFO, our executive champion, left 12 days ago: At-Risk (champion left).',
    maturity: 4, appetite: 2, mrr: 3_300, adoption: 'green',
    stakeholderChange: { daysAgo: 12, change: 'left', title: 'CFO', exec: true },
    expect: { atRisk: true },
  },
  /* 31 First Up */ {
    story: 'Alignment Yellow for a B client: QBRs replaced by informal strategy sessions.',
    maturity: 2, appetite: 4, mrr: 5_400, adoption: 'green', offMenuTypes: true,
  },
  /* 32 Lamna */ {
    story: 'Cadence slipping: one strategic meeting in the last 180 days was held late.',
    maturity: 4, appetite: 3, mrr: 13_300, adoption: 'green', lateMeetings: 1,
  },
  /* 33 Munson’s */ {
    story: 'Two ops check-ins missed in 90 days: engagement-drop CTA, whose owner (CSM) is unassigned.',
    maturity: 2, appetite: 1, mrr: 800, adoption: 'green', unassigned: ['cadenceOwner', 'csm'], missedTouchpoints: 2,
  },
  /* 34 Olympia */ {
    story: 'DMI Yellow: collaboration and encryption lag.',
    maturity: 3, appetite: 2, mrr: 2_700, adoption: 'yellow',
    expect: { adoption: 'yellow' },
  },
  /* 35 Rhodes */ {
    story: 'Service Quality Red for a D clinic: SLA misses, reopened tickets and a slipped milestone.',
    maturity: 1, appetite: 2, mrr: 1_350, adoption: 'green', slaMet: 0.45, repeatRate: 0.4, milestones: 'late',
    expect: { quality: 'red' },
  },
  /* 36 São Paulo */ {
    story: 'A new CFO joined 5 days ago: stakeholder-change intro due.',
    maturity: 3, appetite: 1, mrr: 3_900, adoption: 'green',
    stakeholderChange: { daysAgo: 5, change: 'joined', title: 'CFO', exec: true },
  },
  /* 37 Zürich */ {
    story: 'Healthy A client whose renewal is 85 days out.',
    maturity: 5, appetite: 4, mrr: 15_600, adoption: 'green', renewalInDays: 85,
  },
  /* 38 Kraków */ {
    story: 'The owner has not been seen for 200 days: CX and Engagement Red.',
    maturity: 1, appetite: 1, mrr: 1_000, adoption: 'green', execLastSeenDays: 200,
    expect: { experience: 'red', engagement: 'red' },
  },
  /* 39 Tokyo Sakura */ {
    story: 'DMI falling 4 points a month: renewal confidence at risk.',
    maturity: 1, appetite: 5, mrr: 6_900, adoption: 'yellow', adoptionTrend: -4,
  },
];

/**
 * A scenario for a synthesised account (index ≥ 40): mostly healthy, with the same kinds of trouble
 * as the named ones at realistic rates. `r` is a uniform [0,1) source.
 */
export function syntheticScenario(r: () => number): Scenario {
  const maturity = 1 + Math.floor(r() * 5);
  const appetite = 1 + Math.floor(r() * 5);
  const high = (maturity >= 3 ? 1 : 0) + (appetite >= 3 ? 1 : 0);
  // Lognormal-ish MRR, larger for more mature/eager clients.
  const mrr = Math.round((700 + r() * 2500) * (1 + high * (0.8 + r() * 1.6)) / 10) * 10;
  const s: Scenario = { story: 'Synthesised client.', maturity, appetite, mrr, adoption: 'green' };
  const roll = r();
  if (roll < 0.08) s.adoption = 'yellow';
  else if (roll < 0.12) s.adoption = 'red';
  else if (roll < 0.16) s.insightOverrides = { mfa: 40 + Math.floor(r() * 19) };
  else if (roll < 0.2) s.adoption = 'none';
  const q = r();
  if (q < 0.1) Object.assign(s, { slaMet: 0.85, repeatRate: 0.1, milestones: 'mixed' });
  else if (q < 0.15) Object.assign(s, { slaMet: 0.6, repeatRate: 0.3, milestones: 'late' });
  const e = r();
  if (e < 0.06) s.misses = 1;
  else if (e < 0.09) s.misses = 2;
  else if (e < 0.1) s.misses = 3;
  else if (e < 0.18) s.decisionGaps = 'alternate';
  else if (e < 0.22) s.lateMeetings = 1;
  else if (e < 0.26) s.execLastSeenDays = 130 + Math.floor(r() * 80);
  const c = r();
  if (c < 0.08) s.pulseThisMonth = [4];
  else if (c < 0.12) s.complaintsThisMonth = ['Cadence'];
  else if (c < 0.15) s.pulseThisMonth = [3];
  if (r() < 0.03) s.maturity = s.appetite = undefined;
  return s;
}
