/**
 * The Microsoft 365 page reader: its adapter's readers plus the generic fallback and teach mode — none of
 * the other PSAs' code to parse. Injected by the background on the loader's request, on Microsoft 365's
 * cloud hosts and the demo's `m365.localhost` (content-scripts/runtime/bundles.ts); see reader.content.ts.
 */
import { defineContentScript } from 'wxt/utils/define-content-script';
import { M365_READERS } from '../content-scripts/m365/pages';
import { readerContentScript } from '../content-scripts/runtime/reader';

export default defineContentScript(readerContentScript(['https://admin.microsoft.com/*'], M365_READERS));
