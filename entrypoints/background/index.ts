/**
 * Background service worker: wiring only. Listeners are registered synchronously at top level
 * (MV3: the worker may be stopped at any moment and woken by any of these events); every handler
 * reads and writes IndexedDB, nothing is kept in memory as the source of truth.
 */
import '../../messaging/zod-setup';
import { defineBackground } from 'wxt/utils/define-background';
import { browser } from 'wxt/browser';
import type { Runtime } from 'webextension-polyfill';
import { drainPending } from '../../storage';
import { injectReader, isReaderLoadRequest, startInOpenTabs, syncContentScripts } from './content-scripts';
import { pruneSignals } from './handlers/data';
import { route } from './router';
import { db, forgetFramePage, recompute, recomputeAll } from './services';

const RECOMPUTE_ALARM = 'metronome-recompute';
const PRUNE_ALARM = 'metronome-prune';

/** A new page in this frame asks for its reader: forget what the frame showed before, then inject (the new reading can only come after). */
async function readerRequested(sender: Runtime.MessageSender) {
  if (sender.tab?.id !== undefined) await forgetFramePage(sender.tab.id, sender.frameId ?? 0);
  return injectReader(sender);
}

/** Returns the granted origins (what the content scripts were registered for). */
async function setUp(): Promise<string[]> {
  await browser.sidePanel?.setPanelBehavior?.({ openPanelOnActionClick: true }).catch(() => undefined);
  const origins = await syncContentScripts();
  // Time moves deadlines and months even when no page is read: recompute hourly (this also freezes
  // a month's snapshot once it has ended), prune old signals daily.
  await browser.alarms.create(RECOMPUTE_ALARM, { periodInMinutes: 60 });
  await browser.alarms.create(PRUNE_ALARM, { periodInMinutes: 24 * 60 });
  await finishPending();
  return origins;
}

/** Readings that were stored as pending but not ingested when the worker stopped. */
async function finishPending(): Promise<void> {
  const drained = await drainPending(db());
  if (drained.touchedAccountIds?.length) await recompute(drained.touchedAccountIds);
}

export default defineBackground(() => {
  // Every wake of the worker (not only install/startup): finish readings a stopped worker left pending.
  void finishPending();
  // Install or update: PSA tabs open since before get their reader without a reload.
  browser.runtime.onInstalled.addListener(() => void setUp().then(startInOpenTabs));
  browser.runtime.onStartup.addListener(() => void setUp());
  // A PSA just enabled in Options: its open tabs start reading at once.
  browser.permissions.onAdded.addListener((added) => void syncContentScripts().then(() => startInOpenTabs(added.origins ?? [])));
  browser.permissions.onRemoved.addListener(() => void syncContentScripts());

  // The page loader's "inject the reader now" (after the page's load event) is not a data message.
  // It also says a new page loaded in that frame: what the frame showed before is forgotten.
  browser.runtime.onMessage.addListener((message: unknown, sender) => (isReaderLoadRequest(message) ? readerRequested(sender) : route(message, sender)));

  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === RECOMPUTE_ALARM) void recomputeAll();
    if (alarm.name === PRUNE_ALARM) void pruneSignals();
  });

  // No tabs.onUpdated / onActivated / onRemoved listeners: each would wake this worker on every
  // navigation, tab switch or closed tab on every site. A tab's state is checked against the tab's
  // URL when asked (services.ts `currentTabState`), the browser resets a tab's badge when the tab
  // loads a new document, and badges are re-drawn when their account's data changes.
});
