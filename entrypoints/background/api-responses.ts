/**
 * JSON responses the page itself received (HaloPSA API, Microsoft Graph in the admin center),
 * forwarded raw by the content script and read here with the adapters' zod-validated readers. Some
 * M365 readings need two responses (registrations + users; the organization for the tenant), so the
 * latest response of each kind is kept per tab while the worker lives.
 */
import type { PageReading, ReadContext } from '../../content-scripts/core/types';
import { readHaloApiResponse } from '../../content-scripts/halopsa/api';
import {
  graphEndpointKind,
  readLicencesGraph,
  readMfaRegistrationGraph,
  readSecureScoreGraph,
  readUsageGraph,
  type GraphEndpointKind,
} from '../../content-scripts/m365/graph';

export type GraphIntake = (apiUrl: URL, json: unknown, ctx: ReadContext) => PageReading | null;

export function createGraphIntake(): GraphIntake {
  const latest: Partial<Record<GraphEndpointKind, unknown>> = {};
  return (apiUrl, json, ctx) => {
    const kind = graphEndpointKind(apiUrl.href);
    if (!kind) return null;
    latest[kind] = json;
    const organization = latest.organization;
    switch (kind) {
      case 'userRegistrationDetails':
      case 'users':
        return latest.userRegistrationDetails === undefined
          ? null
          : readMfaRegistrationGraph({ registrations: latest.userRegistrationDetails, users: latest.users, organization }, ctx);
      case 'subscribedSkus':
        return readLicencesGraph({ subscribedSkus: json, organization }, ctx);
      case 'secureScores':
        return readSecureScoreGraph({ secureScores: json, organization }, ctx);
      case 'activeUserDetail':
      case 'servicesUserCounts':
        return readUsageGraph({ activeUserDetail: latest.activeUserDetail, servicesUserCounts: latest.servicesUserCounts, organization }, ctx);
      case 'organization':
        return null;
    }
  };
}

/** Per tab, for the worker's lifetime (a stopped worker starts afresh; the page re-sends on its next load). */
const intakes = new Map<number, GraphIntake>();

/** Read one forwarded response. `pageUrl` is the page the user is on (the values' source). */
export function readApiResponse(tabId: number | undefined, pageUrl: URL, apiUrl: URL, body: string, timeZone: string): PageReading | null {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return null;
  }
  const ctx: ReadContext = { url: pageUrl, now: new Date(), timeZone };
  // HaloPSA serves its API from the app's own origin.
  if (apiUrl.origin === pageUrl.origin) {
    const halo = readHaloApiResponse(apiUrl.pathname, json, ctx);
    if (halo) return halo;
  }
  const key = tabId ?? -1;
  let intake = intakes.get(key);
  if (!intake) intakes.set(key, (intake = createGraphIntake()));
  return intake(apiUrl, json, ctx);
}
