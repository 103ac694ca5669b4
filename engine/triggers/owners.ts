/**
 * CTA owners by name from the account's role map (DECISIONS §5: "a named owner, never the team").
 * A role with nobody in it yields `{ name: null, unassigned: true }` with the role, so the UI can say
 * "CSM — unassigned" and the user can fill the role map; it never falls back to a group.
 */
import type { PlayConfig } from '../config/triggers';
import type { CtaOwner } from '../model';
import type { Account, Role, Segment } from '../signals';

export function ownerFor(account: Pick<Account, 'roles'>, role: Role): CtaOwner {
  const name = account.roles?.[role]?.trim();
  return name ? { role, name, unassigned: false } : { role, name: null, unassigned: true };
}

/** The owning role of a play for a segment (per-segment override, else the play's owner). */
export function ownerRole(play: Pick<PlayConfig, 'owner' | 'ownerBySegment'>, segment: Segment): Role {
  return play.ownerBySegment?.[segment] ?? play.owner;
}

/**
 * Owner and (when the play names one for this segment and it differs from the owner) the accountable
 * person, e.g. renewal: owner AM, accountable vCIO for A/B.
 */
export function ownersFor(
  account: Pick<Account, 'roles'>,
  play: Pick<PlayConfig, 'owner' | 'ownerBySegment' | 'accountableBySegment'>,
  segment: Segment,
): { owner: CtaOwner; accountable?: CtaOwner } {
  const role = ownerRole(play, segment);
  const owner = ownerFor(account, role);
  const accRole = play.accountableBySegment?.[segment];
  if (!accRole || accRole === role) return { owner };
  return { owner, accountable: ownerFor(account, accRole) };
}

/** "Dana Lee (CSM)" or "CSM (unassigned)". */
export function describeOwner(o: CtaOwner, roleLabel: string): string {
  return o.name ? `${o.name} (${roleLabel})` : `${roleLabel} (unassigned)`;
}
