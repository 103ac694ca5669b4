/**
 * Injected on request into every frame of a tab (the recap composer's "Use this page"): the frame's
 * main text via Readability, on a clone — the page is never touched. Not a registered content
 * script, so Readability is never loaded into PSA pages otherwise.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { mainTextOf } from '../content-scripts/generic/main-text';

export default defineUnlistedScript(() => ({ text: mainTextOf(document) ?? '', title: document.title, url: location.href }));
