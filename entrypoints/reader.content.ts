/**
 * The all-adapters page reader, for hosts whose PSA is unknown (a self-hosted domain the user added,
 * the loopback demo on 127.0.0.1/localhost); a known PSA cloud host gets that PSA's smaller bundle
 * instead (content-scripts/runtime/bundles.ts). How readers are registered and injected:
 * `readerContentScript` in content-scripts/runtime/reader.ts.
 */
import { defineContentScript } from 'wxt/utils/define-content-script';
import { ALL_ADAPTER_READERS } from '../content-scripts/runtime/all-readers';
import { readerContentScript } from '../content-scripts/runtime/reader';

export default defineContentScript(readerContentScript(['https://*.myconnectwise.net/*'], ALL_ADAPTER_READERS));
