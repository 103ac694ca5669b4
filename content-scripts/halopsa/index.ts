/**
 * HaloPSA adapter. Primary source: the agent app's own API responses (`api.ts`, fed by the
 * main-world observer). Fallback: the DOM readers below, by label and column header.
 */

export { ADAPTER as HALOPSA } from './page';
export { readHaloApiResponse, haloApiRoute, HALO_API_ROUTES } from './api';
export { haloReaders } from './readers';
