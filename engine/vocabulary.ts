/**
 * The vocabulary's plain constants — dimension, colour, segment and role names with their labels —
 * with no zod, so the side panel's first render can use them without loading the schemas.
 * `engine/model.ts` and `engine/signals.ts` build their zod enums from these and re-export them.
 */

export const DIMENSIONS = ['experience', 'adoption', 'engagement', 'quality', 'alignment'] as const;
export type Dimension = (typeof DIMENSIONS)[number];
export const DIMENSION_LABELS: Record<Dimension, string> = {
  experience: 'Client Experience',
  adoption: 'Technology Adoption (DMI)',
  engagement: 'Engagement',
  quality: 'Service Quality',
  alignment: 'Service Level Alignment',
};

export const COLOURS = ['green', 'yellow', 'red', 'nodata'] as const;
export type Colour = (typeof COLOURS)[number];
/** Colour is never the only cue: every colour has its word. */
export const COLOUR_WORDS: Record<Colour, string> = { green: 'Green', yellow: 'Yellow', red: 'Red', nodata: 'No data' };

export const OVERALL = ['green', 'yellow', 'red', 'insufficient'] as const;
export type Overall = (typeof OVERALL)[number];

export const SEGMENTS = ['A', 'B', 'C', 'D'] as const;
export type Segment = (typeof SEGMENTS)[number];

export const ROLES = ['cadenceOwner', 'backup', 'am', 'tam', 'csm', 'vcio'] as const;
export type Role = (typeof ROLES)[number];
export const ROLE_LABELS: Record<Role, string> = {
  cadenceOwner: 'Cadence owner',
  backup: 'Backup',
  am: 'Account manager',
  tam: 'TAM',
  csm: 'CSM',
  vcio: 'vCIO',
};
