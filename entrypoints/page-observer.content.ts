/**
 * Main-world observer of the JSON the page receives (HaloPSA, M365 admin center). Registered at
 * runtime by the background for enabled hosts only; see content-scripts/runtime/page-observer.ts.
 */
import { defineContentScript } from 'wxt/utils/define-content-script';
import { installPageObserver } from '../content-scripts/runtime/page-observer';

export default defineContentScript({
  matches: ['https://*.halopsa.com/*'],
  registration: 'runtime',
  world: 'MAIN',
  runAt: 'document_start',
  main() {
    installPageObserver(window);
  },
});
