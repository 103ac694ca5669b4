/** PLACEHOLDER — owned by the triggers work; replace with the real schema and defaults. */
import { z } from 'zod';

export const TriggersConfig = z.object({}).strict();
export type TriggersConfig = z.infer<typeof TriggersConfig>;
export const TRIGGERS_DEFAULTS: TriggersConfig = {};
