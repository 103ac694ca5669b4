/**
 * The ConnectWise page reader: its adapter's readers plus the generic fallback and teach mode — none of
 * the other PSAs' code to parse. Injected by the background on the loader's request, on ConnectWise's
 * cloud hosts and the demo's `cw.localhost` (content-scripts/runtime/bundles.ts); see reader.content.ts.
 */
import { defineContentScript } from 'wxt/utils/define-content-script';
import { connectwiseReaders } from '../content-scripts/connectwise';
import { readerContentScript } from '../content-scripts/runtime/reader';

export default defineContentScript(readerContentScript(['https://*.myconnectwise.net/*'], connectwiseReaders));
