/**
 * The Autotask page reader: its adapter's readers plus the generic fallback and teach mode — none of
 * the other PSAs' code to parse. Injected by the background on the loader's request, on Autotask's
 * cloud hosts and the demo's `autotask.localhost` (content-scripts/runtime/bundles.ts); see reader.content.ts.
 */
import { defineContentScript } from 'wxt/utils/define-content-script';
import { autotaskReaders } from '../content-scripts/autotask';
import { readerContentScript } from '../content-scripts/runtime/reader';

export default defineContentScript(readerContentScript(['https://*.autotask.net/*'], autotaskReaders));
