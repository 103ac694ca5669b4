/**
 * The page reader. Registered at runtime by the background only on origins the user enabled
 * (see entrypoints/background/content-scripts.ts); all frames, because Autotask shows its pages in
 * an iframe. The behaviour lives in content-scripts/runtime/reader.ts.
 */
import { defineContentScript } from 'wxt/utils/define-content-script';
import { startReader } from '../content-scripts/runtime/reader';

export default defineContentScript({
  matches: ['https://*.myconnectwise.net/*'],
  registration: 'runtime',
  allFrames: true,
  runAt: 'document_idle',
  main(ctx) {
    startReader(ctx);
  },
});
