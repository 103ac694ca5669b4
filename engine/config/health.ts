/** PLACEHOLDER — owned by the health work; replace with the real schema and defaults. */
import { z } from 'zod';

export const HealthConfig = z.object({}).strict();
export type HealthConfig = z.infer<typeof HealthConfig>;
export const HEALTH_DEFAULTS: HealthConfig = {};
