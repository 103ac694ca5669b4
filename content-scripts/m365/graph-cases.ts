/**
 * Graph fixture cases: `fixtures/graph/<case>.case.json` names the reader, the context and the
 * response files it reads, and holds the expected reading. Used by `graph.test.ts`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PageReading, ReadContext } from '../core/types';
import { readLicencesGraph, readMfaRegistrationGraph, readSecureScoreGraph, readUsageGraph } from './graph';
import type { M365Options } from './options';

export interface GraphCase {
  reader: 'mfa' | 'licences' | 'secureScore' | 'usage';
  url: string;
  now: string;
  timeZone: string;
  options?: Partial<M365Options> & { periodDays?: number };
  /** Input key → response file (or files, for pages) in the same folder. */
  inputs: Record<string, string | string[]>;
  reading: PageReading;
}

export function runGraphCase(c: Omit<GraphCase, 'reading'>, dir: string): PageReading {
  const load = (f: string): unknown => JSON.parse(readFileSync(join(dir, f), 'utf8'));
  const inputs: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(c.inputs)) inputs[k] = Array.isArray(v) ? v.map(load) : load(v);
  const ctx: ReadContext = { url: new URL(c.url), now: new Date(c.now), timeZone: c.timeZone };
  switch (c.reader) {
    case 'mfa':
      return readMfaRegistrationGraph({ registrations: inputs.registrations, users: inputs.users, organization: inputs.organization }, ctx, c.options);
    case 'licences':
      return readLicencesGraph({ subscribedSkus: inputs.subscribedSkus, organization: inputs.organization }, ctx, c.options);
    case 'secureScore':
      return readSecureScoreGraph({ secureScores: inputs.secureScores, organization: inputs.organization }, ctx, c.options);
    case 'usage':
      return readUsageGraph(
        { activeUserDetail: inputs.activeUserDetail, servicesUserCounts: inputs.servicesUserCounts, organization: inputs.organization },
        ctx,
        c.options,
      );
  }
}
