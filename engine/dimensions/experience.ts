/**
 * Client Experience (DECISIONS §3 [L116–L117], §7 "CX has data").
 * Inputs: average pulse this month, exec sponsor last seen, complaints logged this month.
 * Colour: Red if any input Red, else Yellow if any Yellow, else Green. CX has data only with a pulse
 * this month or an exec-sponsor value; the complaint count alone never colours it.
 */
import type { MetronomeConfig } from '../config';
import type { Colour, DimensionResult, Driver } from '../model';
import type { ComplaintSignal, PulseSignal, Signal } from '../signals';
import type { DimensionContext } from './context';
import { fmtDate, fmtDays, missingDriver, result, round2, sourceRef, sourcesOf, weightedScore } from './drivers';

type Rag = Exclude<Colour, 'nodata'>;

export interface ExperienceInputs {
  /** Average pulse (1–5) this month, null = none. */
  pulse: number | null;
  /** Days since the exec sponsor was last seen, null = no data. */
  sponsorDays: number | null;
  /** Complaints logged this month (always known). */
  complaints: number;
}

export function pulseColour(pulse: number, config: MetronomeConfig): Rag {
  const p = config.health.experience.pulse;
  return pulse >= p.green ? 'green' : pulse >= p.yellow ? 'yellow' : 'red';
}
export function sponsorColour(days: number, config: MetronomeConfig): Rag {
  return days <= config.health.execSponsorDays ? 'green' : 'red';
}
export function complaintColour(count: number, config: MetronomeConfig): Rag {
  const c = config.health.experience.complaints;
  return count >= c.redAt ? 'red' : count >= c.yellowAt ? 'yellow' : 'green';
}

/** The roll-up colour of the three inputs [L117]; 'nodata' without pulse and sponsor. */
export function experienceColour(i: ExperienceInputs, config: MetronomeConfig): Colour {
  if (i.pulse === null && i.sponsorDays === null) return 'nodata';
  const colours: Rag[] = [complaintColour(i.complaints, config)];
  if (i.pulse !== null) colours.push(pulseColour(i.pulse, config));
  if (i.sponsorDays !== null) colours.push(sponsorColour(i.sponsorDays, config));
  return colours.includes('red') ? 'red' : colours.includes('yellow') ? 'yellow' : 'green';
}

function complaintPoints(count: number, config: MetronomeConfig): number {
  const [zero, one, more] = config.health.experience.complaintPoints;
  return count === 0 ? zero : count === 1 ? one : more;
}

export function experience(ctx: DimensionContext): DimensionResult {
  const { config, month } = ctx;
  const cx = config.health.experience;

  // Pulse: this month's average; the latest earlier pulse only marks the value as stale.
  const pulses: PulseSignal[] = [];
  let lastBefore: PulseSignal | null = null;
  let lastBeforeMs = -Infinity;
  for (const { s: p, at } of ctx.prepared.pulses) {
    if (at >= month.start && at < month.end) pulses.push(p);
    else if (at < month.start && at > lastBeforeMs) {
      lastBeforeMs = at;
      lastBefore = p;
    }
  }
  const pulse = pulses.length ? pulses.reduce((s, p) => s + p.score, 0) / pulses.length : null;

  const complaints: ComplaintSignal[] = [];
  for (const { s: c, at } of ctx.prepared.complaints) if (at >= month.start && at < month.end) complaints.push(c);
  const sponsor = ctx.execSponsor;
  const inputs: ExperienceInputs = { pulse, sponsorDays: sponsor.days, complaints: complaints.length };

  const pulseTarget = `≥ ${cx.pulse.green} / 5`;
  const pulseDriver: Driver =
    pulse === null
      ? missingDriver('pulse', 'Post-meeting pulse (this month)', pulseTarget, lastBefore ? {
          display: `No pulse this month (last ${lastBefore.score} on ${fmtDate(lastBefore.at)})`,
          staleSince: new Date(lastBeforeMs).toISOString(),
          sources: [sourceRef(lastBefore)],
        } : {})
      : {
          key: 'pulse',
          label: 'Post-meeting pulse (this month)',
          value: round2(pulse),
          display: `${round2(pulse)} / 5 (${pulses.length} response${pulses.length === 1 ? '' : 's'})`,
          target: pulseTarget,
          pass: pulse >= cx.pulse.green,
          colour: pulseColour(pulse, config),
          missing: false,
          sources: sourcesOf(ctx, pulses),
        };

  const sponsorTarget = `≤ ${config.health.execSponsorDays} days`;
  const sponsorDriver: Driver =
    sponsor.days === null
      ? missingDriver('sponsor', 'Exec sponsor last seen', sponsorTarget, {
          display: `Never seen (account known ${fmtDays(sponsor.knownDays)})`,
        })
      : {
          key: 'sponsor',
          label: 'Exec sponsor last seen',
          value: Math.floor(sponsor.days),
          display: sponsor.neverSeen ? `Never seen (account known ${fmtDays(sponsor.days)})` : `${fmtDays(sponsor.days)} ago`,
          target: sponsorTarget,
          pass: sponsor.days <= config.health.execSponsorDays,
          colour: sponsorColour(sponsor.days, config),
          missing: false,
          sources: sponsor.source ? [sourceRef(sponsor.source)] : [],
        };

  const complaintDriver: Driver = {
    key: 'complaints',
    label: 'Complaints (this month)',
    value: complaints.length,
    display: complaints.length
      ? `${complaints.length} (${complaints.map((c) => c.rootCause).join(', ')})`
      : '0',
    target: '0',
    pass: complaints.length === 0,
    colour: complaintColour(complaints.length, config),
    missing: false,
    sources: sourcesOf(ctx, complaints),
  };

  const drivers = [pulseDriver, sponsorDriver, complaintDriver];
  const colour = experienceColour(inputs, config);
  const fed: Signal[] = [...pulses, ...complaints];
  if (sponsor.source) fed.push(sponsor.source);

  if (colour === 'nodata') {
    for (const d of drivers) d.weight = 0;
    return result(ctx, 'experience', month.start, null, 'nodata',
      'No data: no pulse this month and no exec-sponsor value (complaints alone never colour CX).', drivers, fed);
  }

  const raw = weightedScore([
    { driver: pulseDriver, weight: cx.weights.pulse, score: pulse === null ? null : ((pulse - 1) / 4) * 100 },
    { driver: sponsorDriver, weight: cx.weights.sponsor, score: sponsor.days === null ? null : sponsor.days <= config.health.execSponsorDays ? 100 : 0 },
    { driver: complaintDriver, weight: cx.weights.complaints, score: complaintPoints(complaints.length, config) },
  ]);
  return result(ctx, 'experience', month.start, raw, colour, experienceReason(colour, drivers), drivers, fed);
}

function experienceReason(colour: Colour, drivers: Driver[]): string {
  const word = colour === 'green' ? 'Green' : colour === 'yellow' ? 'Yellow' : 'Red';
  if (colour === 'green') {
    return `Green: ${drivers.filter((d) => !d.missing).map((d) => `${d.label.toLowerCase()} ${d.display}`).join('; ')}.`;
  }
  const deciding = drivers.filter((d) => d.colour === colour);
  return `${word}: ${deciding.map((d) => `${d.label.toLowerCase()} ${d.display} (target ${d.target})`).join('; ')}.`;
}
