/**
 * Teach mode's stored shape: on a page no adapter knows, the user clicks the company name, the
 * ticket id, the priority… and Metronome keeps one mapping per host and page type, applied from
 * then on. Everything here is validated with zod (mappings come back from storage and imports).
 */
import { z } from 'zod';
import { Id, Instant } from '../../engine/signals';
import { TAUGHT_FIELDS, TAUGHT_MINIMUM, TAUGHT_PAGE_TYPES } from './patterns';

export { TAUGHT_FIELDS, TAUGHT_MINIMUM, TAUGHT_PAGE_TYPES } from './patterns';
export const TaughtField = z.enum(TAUGHT_FIELDS);
export type TaughtField = z.infer<typeof TaughtField>;

export const FieldMapping = z
  .object({
    /** CSS selector from `selectorFor` (stable attributes, else a tag/nth-of-type path). */
    selector: z.string().trim().min(1).max(1000),
    /** The value shown when the user taught it (for the confirmation preview). */
    sample: z.string().max(500),
    /** The visible label next to the value, when there was one: the fallback if the selector breaks. */
    label: z.string().trim().min(1).max(100).optional(),
  })
  .strict();
export type FieldMapping = z.infer<typeof FieldMapping>;

export const TeachMapping = z
  .object({
    id: Id,
    /** Host it applies to (lower case, no port). */
    host: z.string().trim().toLowerCase().min(1).max(253),
    pageType: z.enum(TAUGHT_PAGE_TYPES),
    /** Path + query with `*` wildcards, e.g. `/tickets/*` or `/ticket.aspx?id=*`. */
    urlPattern: z.string().min(1).max(500).startsWith('/'),
    fields: z
      .partialRecord(TaughtField, FieldMapping)
      .refine((f) => Object.keys(f).length > 0, 'teach at least one field'),
    /** Day/month order of the dates on this page, when the user told us. */
    dateOrder: z.enum(['MDY', 'DMY', 'YMD']).optional(),
    createdAt: Instant,
    updatedAt: Instant,
    deletedAt: Instant.optional(),
  })
  .strict()
  .superRefine((m, ctx) => {
    for (const f of TAUGHT_MINIMUM[m.pageType]) {
      if (!m.fields[f]) ctx.addIssue({ code: 'custom', path: ['fields', f], message: `a ${m.pageType} mapping needs ${f}` });
    }
  });
export type TeachMapping = z.infer<typeof TeachMapping>;

export { mappingApplies, urlMatchesPattern, urlPatternFor } from './patterns';
