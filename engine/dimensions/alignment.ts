/**
 * Service Level Alignment (DECISIONS §3 [L141], §7 checks 1–2). Four checks:
 *  1. cadence delivered vs plan: cadence adherence ≥ 80%;
 *  2. core deliverables: every service-menu meeting type held within its cadence window, and the
 *     recap ≤ 48 h rate ≥ 80%;
 *  3. exec sponsor seen ≤ 120 d (A/B only; not applicable for C/D);
 *  4. effort mix fits the segment: A/B strategic meetings held ≥ plan, C/D ≤ 2× plan (180 d).
 * Score = 100 × passed / applicable (checks without data are dropped); G ≥ 85, Y 65–84, R < 65.
 * A failed check names its Red play (Reset Rhythm / Backfill Evidence / Sponsor Re-engage / Right-size Coverage).
 */
import type { DimensionResult, Driver } from '../model';
import type { Signal } from '../signals';
import { DAY_MS, parseInstant } from '../time/zoned';
import type { DimensionContext } from './context';
import { cadenceSourcesIn, colourByEdges, fmtDays, fmtPct, missingDriver, result, round2, sourceRef, sourcesOf } from './drivers';

type CheckKey = 'cadence' | 'deliverables' | 'exec' | 'effortMix';

export function alignment(ctx: DimensionContext): DimensionResult {
  const { config, segment } = ctx;
  const al = config.health.alignment;
  const seg = config.segments;
  const windowStart = ctx.windowStart(seg.windowDays);
  const knownDays = ctx.execSponsor.knownDays;
  const checks: { key: CheckKey; driver: Driver; pass: boolean | null }[] = [];
  const fed: Signal[] = [];

  // 1. Cadence delivered vs plan.
  const adherence = ctx.cadence.adherence;
  checks.push({
    key: 'cadence',
    pass: adherence === null ? null : adherence >= al.cadenceAtLeast,
    driver:
      adherence === null
        ? missingDriver('cadence', 'Cadence delivered vs plan', `≥ ${al.cadenceAtLeast}%`)
        : {
            key: 'cadence',
            label: 'Cadence delivered vs plan',
            value: round2(adherence),
            display: `${fmtPct(adherence)} on time (${ctx.cadence.onTime} on time, ${ctx.cadence.missed} missed)`,
            target: `≥ ${al.cadenceAtLeast}%`,
            pass: adherence >= al.cadenceAtLeast,
            missing: false,
            sources: sourcesOf(ctx, cadenceSourcesIn(ctx, windowStart)),
          },
  });

  // 2. Core deliverables: service-menu meeting types held in their windows + recap rate.
  const menu = seg.serviceMenu[segment];
  const lines: string[] = [];
  const menuSources: Signal[] = [];
  let menuDue = 0;
  let menuOk = 0;
  for (const item of menu) {
    const days = item.withinDays + seg.graceDays;
    if (knownDays < days) continue; // not expected yet for a newer account
    menuDue++;
    const from = ctx.windowStart(days);
    const hit = ctx.heldAll.filter((h) => h.at >= from && item.anyOf.includes(h.meeting.type));
    if (hit.length) {
      menuOk++;
      for (const h of hit) menuSources.push(h.meeting);
    } else lines.push(`no ${item.anyOf.join(' or ')} in ${fmtDays(days)}`);
  }
  const rr = ctx.recapRate(seg.windowDays);
  if (rr.rate !== null && rr.rate < al.recapAtLeast) lines.push(`recap rate ${fmtPct(rr.rate)} < ${al.recapAtLeast}%`);
  const deliverablesPass = menuDue === 0 && rr.rate === null ? null : lines.length === 0;
  const menuText = menuDue ? `${menuOk} of ${menuDue} service-menu meetings held` : 'service menu not due yet';
  const recapText = rr.rate === null ? 'no recap due' : `recap ${fmtPct(rr.rate)}`;
  fed.push(...menuSources, ...rr.due.map((h) => h.meeting));
  checks.push({
    key: 'deliverables',
    pass: deliverablesPass,
    driver:
      deliverablesPass === null
        ? missingDriver('deliverables', 'Core deliverables with recap ≤ 48 h', `all of: ${menu.map((i) => i.anyOf.join('/')).join(', ')}; recap ≥ ${al.recapAtLeast}%`)
        : {
            key: 'deliverables',
            label: 'Core deliverables with recap ≤ 48 h',
            value: menuOk,
            display: `${menuText}; ${recapText}${lines.length ? ` (${lines.join('; ')})` : ''}`,
            target: `all of: ${menu.map((i) => i.anyOf.join('/')).join(', ')}; recap ≥ ${al.recapAtLeast}%`,
            pass: deliverablesPass,
            missing: false,
            sources: sourcesOf(ctx, [...menuSources, ...rr.due.map((h) => h.meeting)]),
          },
  });

  // 3. Exec sponsor seen (A/B only).
  const sponsor = ctx.execSponsor;
  const execApplies = al.execCheckSegments.includes(segment);
  let execDriver: Driver;
  let execPass: boolean | null = null;
  if (!execApplies) {
    execDriver = { key: 'exec', label: 'Exec sponsor seen', value: null, display: `Not applicable for segment ${segment}`, pass: null, missing: false, sources: [], weight: 0 };
  } else if (sponsor.days === null) {
    execDriver = missingDriver('exec', 'Exec sponsor seen', `≤ ${config.health.execSponsorDays} days`);
  } else {
    execPass = sponsor.days <= config.health.execSponsorDays;
    execDriver = {
      key: 'exec',
      label: 'Exec sponsor seen',
      value: Math.floor(sponsor.days),
      display: sponsor.neverSeen ? `Never seen (account known ${fmtDays(sponsor.days)})` : `${fmtDays(sponsor.days)} ago`,
      target: `≤ ${config.health.execSponsorDays} days`,
      pass: execPass,
      missing: false,
      sources: sponsor.source ? [sourceRef(sponsor.source)] : [],
    };
    if (sponsor.source) fed.push(sponsor.source);
  }
  checks.push({ key: 'exec', pass: execPass, driver: execDriver });

  // 4. Effort mix: strategic meetings held in the window vs plan (window ÷ cadence, prorated for newer accounts).
  const mix = al.effortMix[segment];
  const spanDays = Math.min(seg.windowDays, Math.max(0, (ctx.asOfMs - parseInstant(ctx.account.firstSeenAt)) / DAY_MS));
  const plan = Math.floor(spanDays / seg.strategicCadenceDays[segment]);
  const held = ctx.heldStrategic.filter((h) => h.at >= windowStart);
  const bounds: string[] = [];
  if (mix.minRatio !== null) bounds.push(`≥ ${mix.minRatio * plan}`);
  if (mix.maxRatio !== null) bounds.push(`≤ ${mix.maxRatio * plan}`);
  const effortPass =
    plan === 0 ? null : (mix.minRatio === null || held.length >= mix.minRatio * plan) && (mix.maxRatio === null || held.length <= mix.maxRatio * plan);
  fed.push(...held.map((h) => h.meeting));
  checks.push({
    key: 'effortMix',
    pass: effortPass,
    driver:
      effortPass === null
        ? missingDriver('effortMix', 'Effort mix fits the segment', undefined, { display: 'No data (less than one cadence period known)' })
        : {
            key: 'effortMix',
            label: 'Effort mix fits the segment',
            value: held.length,
            display: `${held.length} strategic meeting${held.length === 1 ? '' : 's'} held vs plan ${plan} (${fmtDays(spanDays)})`,
            target: `${bounds.join(' and ')} held`,
            pass: effortPass,
            missing: false,
            sources: sourcesOf(ctx, held.map((h) => h.meeting)),
          },
  });

  const applicable = checks.filter((c) => c.pass !== null);
  const drivers = checks.map((c) => c.driver);
  for (const c of checks) c.driver.weight = c.pass === null ? 0 : 1 / Math.max(1, applicable.length);
  if (!applicable.length) {
    return result(ctx, 'alignment', windowStart, null, 'nodata', 'No data: no alignment check can be evaluated yet.', drivers, fed);
  }
  const passed = applicable.filter((c) => c.pass).length;
  const score = round2((100 * passed) / applicable.length);
  const colour = colourByEdges(score, al.edges);
  const failed = applicable.filter((c) => !c.pass);
  const label: Record<CheckKey, string> = { cadence: 'cadence', deliverables: 'deliverables', exec: 'exec sponsor', effortMix: 'effort mix' };
  const reason =
    `${colour === 'green' ? 'Green' : colour === 'yellow' ? 'Yellow' : 'Red'}: ${passed} of ${applicable.length} checks pass` +
    (failed.length ? `; failed ${failed.map((c) => `${label[c.key]} (${al.plays[c.key]})`).join(', ')}.` : '.');
  return result(ctx, 'alignment', windowStart, score, colour, reason, drivers, fed);
}

/** The Red play of each failed alignment check, in check order. */
export function alignmentPlays(r: DimensionResult, ctx: Pick<DimensionContext, 'config'>): string[] {
  const plays = ctx.config.health.alignment.plays;
  return r.drivers.filter((d) => d.pass === false && d.key in plays).map((d) => plays[d.key as CheckKey]);
}
