/**
 * Microsoft Graph responses the admin center received (forwarded by the main-world observer) →
 * M365 readings. Some readings need two responses (MFA registrations + users to drop disabled
 * accounts; the organization for the tenant), so the latest response of each kind is kept for the
 * page's lifetime.
 */
import type { PageReading, ReadContext } from '../core/types';
import {
  graphEndpointKind,
  readLicencesGraph,
  readMfaRegistrationGraph,
  readSecureScoreGraph,
  readUsageGraph,
  type GraphEndpointKind,
} from '../m365/graph';

export function createGraphIntake() {
  const latest: Partial<Record<GraphEndpointKind, unknown>> = {};
  return (url: URL, json: unknown, ctx: ReadContext): PageReading | null => {
    const kind = graphEndpointKind(url.href);
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

export const readGraphResponse = createGraphIntake();
