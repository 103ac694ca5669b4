/**
 * The all-adapters page reader, for hosts whose PSA is unknown (a self-hosted domain the user added,
 * the loopback demo on 127.0.0.1/localhost). Registered at runtime, never in the manifest: the
 * background injects it on the loader's request (entrypoints/background/content-scripts.ts), and a
 * known PSA cloud host gets that PSA's smaller bundle instead (content-scripts/runtime/bundles.ts).
 * All frames, because Autotask shows its pages in an iframe. The behaviour lives in
 * content-scripts/runtime/reader.ts.
 */
import { defineContentScript } from 'wxt/utils/define-content-script';
import { ALL_ADAPTER_READERS } from '../content-scripts/runtime/all-readers';
import { startReaderOnce } from '../content-scripts/runtime/reader';

export default defineContentScript({
  matches: ['https://*.myconnectwise.net/*'],
  registration: 'runtime',
  allFrames: true,
  runAt: 'document_idle',
  main(ctx) {
    startReaderOnce(ctx, ALL_ADAPTER_READERS);
  },
});
