/**
 * Every message into the background: validated with zod, checked against who may send it, then
 * handed to its handler. A message that does not parse changes nothing and gets `{ ok: false }`.
 */
import { browser } from 'wxt/browser';
import type { Runtime } from 'webextension-polyfill';
import { Message, type Reply } from '../../messaging/protocol';
import { clearDrift, importCsv, importJson, loadSample, recomputeRequested, removeSample, resetAll, saveConfig, setRetention } from './handlers/data';
import {
  apiResponse,
  dismissPill,
  openPanel,
  pageInsertNote,
  pageMainText,
  tabAccount,
  teachDelete,
  teachMappings,
  teachSave,
} from './handlers/page';
import { handleReading, type ReadingOrigin } from './handlers/reading';
import { forgetFramePage } from './services';
import { handleAccountCreate, handleAccountUpdate, handleCta, handleLog, handleRecapSent } from './handlers/user-actions';

/** What a content script (running in a PSA page) may ask. Everything else needs an extension page. */
const CONTENT_SCRIPT_MESSAGES = new Set(['reading', 'api.response', 'page.changed', 'teach.mappings', 'teach.save', 'panel.open', 'pill.dismiss']);

/** The tab, its URL and the frame a content script's message came from. */
function readingOrigin(sender: Runtime.MessageSender): ReadingOrigin {
  return { tabId: sender.tab?.id, tabUrl: sender.tab?.url, frameId: sender.frameId ?? 0 };
}

export async function route(raw: unknown, sender: Runtime.MessageSender): Promise<Reply> {
  const parsed = Message.safeParse(raw);
  if (!parsed.success) {
    return {
      ok: false,
      error: 'Metronome did not understand that request; nothing changed.',
      errors: parsed.error.issues.slice(0, 20).map((i) => ({ path: i.path.join('.') || '(root)', message: i.message })),
    };
  }
  const msg = parsed.data;
  const fromExtensionPage = Boolean(sender.url?.startsWith(browser.runtime.getURL('/')));
  if (!fromExtensionPage && !CONTENT_SCRIPT_MESSAGES.has(msg.type)) return { ok: false, error: `${msg.type} is not allowed from a web page` };
  const tabId = sender.tab?.id;

  try {
    switch (msg.type) {
      case 'reading':
        return await handleReading(msg, readingOrigin(sender));
      case 'api.response':
        return await apiResponse(msg, readingOrigin(sender));
      case 'page.changed':
        if (tabId !== undefined) await forgetFramePage(tabId, sender.frameId ?? 0);
        return { ok: true };
      case 'log':
        return await handleLog(msg);
      case 'cta':
        return await handleCta(msg);
      case 'account.update':
        return await handleAccountUpdate(msg);
      case 'account.create':
        return await handleAccountCreate(msg);
      case 'recap.sent':
        return await handleRecapSent(msg);
      case 'sample.load':
        return await loadSample();
      case 'sample.remove':
        return await removeSample();
      case 'recompute':
        return await recomputeRequested(msg.accountIds);
      case 'tab.account':
        return await tabAccount(msg.tabId);
      case 'page.mainText':
        return await pageMainText(msg.tabId);
      case 'page.insertNote':
        return await pageInsertNote(msg.tabId, msg.text);
      case 'settings.config':
        return await saveConfig(msg.overrides);
      case 'import.bundle':
        return await importJson(msg.json, msg.mode);
      case 'import.csv':
        return await importCsv(msg);
      case 'reset':
        return await resetAll();
      case 'mapping.delete':
        return await teachDelete(msg.host, msg.pageType);
      case 'drift.clear':
        return await clearDrift(msg.host);
      case 'settings.retention':
        return await setRetention(msg.days);
      case 'teach.mappings':
        return await teachMappings(msg.host);
      case 'teach.save':
        return await teachSave(msg.mapping);
      case 'teach.start':
        return (await browser.tabs.sendMessage(msg.tabId, { type: 'teach.start' }).catch((e: unknown) => ({
          ok: false,
          error: `Teach mode needs Metronome on that page (${e instanceof Error ? e.message : String(e)}).`,
        }))) as Reply;
      case 'panel.open':
        return await openPanel(tabId, sender.tab?.windowId);
      case 'pill.dismiss':
        return await dismissPill(msg.host);
    }
  } catch (e) {
    console.error('Metronome: handler failed', msg.type, e);
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}
