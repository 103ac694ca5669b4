/** PLACEHOLDER — owned by the segments work; replace with the real schema and defaults. */
import { z } from 'zod';

export const SegmentsConfig = z.object({}).strict();
export type SegmentsConfig = z.infer<typeof SegmentsConfig>;
export const SEGMENTS_DEFAULTS: SegmentsConfig = {};
