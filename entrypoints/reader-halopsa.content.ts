/**
 * The HaloPSA page reader: its adapter's readers plus the generic fallback and teach mode — none of
 * the other PSAs' code to parse. Injected by the background on the loader's request, on HaloPSA's
 * cloud hosts and the demo's `halo.localhost` (content-scripts/runtime/bundles.ts); see reader.content.ts.
 */
import { defineContentScript } from 'wxt/utils/define-content-script';
import { haloReaders } from '../content-scripts/halopsa/readers';
import { readerContentScript } from '../content-scripts/runtime/reader';

export default defineContentScript(readerContentScript(['https://*.halopsa.com/*'], haloReaders));
