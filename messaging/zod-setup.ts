/**
 * zod compiles fast-path validators with `new Function` when the environment allows eval. Extension
 * pages and the service worker forbid it (MV3 CSP); tell zod up front instead of letting it probe.
 * Imported first by every extension entry that validates.
 */
import { z } from 'zod';

z.config({ jitless: true });
