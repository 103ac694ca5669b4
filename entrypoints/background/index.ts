/** Background service worker: wiring only. Listeners are registered synchronously at top level (MV3). */
export default defineBackground(() => {
  browser.runtime.onInstalled.addListener(() => {
    void browser.sidePanel?.setPanelBehavior?.({ openPanelOnActionClick: true }).catch(() => undefined);
  });
});
