/**
 * Messages about a tab's page: which account it shows, its main text (recap composer), inserting a
 * recap into the PSA note field, API responses the page received, teach mode, the pill.
 */
import { browser } from 'wxt/browser';
import type { z } from 'zod';
import { TeachMapping } from '../../../content-scripts/teach/mapping';
import type { PageType } from '../../../engine/signals';
import type { ApiResponseMessage, Reply } from '../../../messaging/protocol';
import { deleteMapping, mappingsForHost, saveMapping, setSetting, type MappingRow } from '../../../storage';
import { readApiResponse } from '../api-responses';
import { insertNoteInPage } from '../page-scripts';
import { currentConfig, currentTabState, db, type TabState } from '../services';
import { handleReading, type ReadingOrigin } from './reading';

export async function tabAccount(tabId: number): Promise<Reply<TabState | null>> {
  return { ok: true, data: (await currentTabState(tabId)) ?? null };
}

/** Readability in every frame of the tab (injected on request); the longest text wins. */
export async function pageMainText(tabId: number): Promise<Reply<{ text: string; title: string; url: string }>> {
  try {
    const results = await browser.scripting.executeScript({ target: { tabId, allFrames: true }, files: ['/main-text.js'] });
    const texts = results
      .map((r) => r.result as { text: string; title: string; url: string } | undefined)
      .filter((r): r is { text: string; title: string; url: string } => Boolean(r && typeof r.text === 'string'));
    texts.sort((a, b) => b.text.length - a.text.length);
    const best = texts[0];
    if (!best || best.text.trim() === '') return { ok: false, error: 'No readable text on this page.' };
    return { ok: true, data: best };
  } catch (e) {
    return { ok: false, error: `Metronome cannot read this page (${e instanceof Error ? e.message : String(e)}). Enable its site in Options first.` };
  }
}

export async function pageInsertNote(tabId: number, text: string): Promise<Reply<{ where: string }>> {
  try {
    const results = await browser.scripting.executeScript({ target: { tabId, allFrames: true }, func: insertNoteInPage, args: [text] });
    const hit = results.map((r) => r.result as { ok: true; where: string } | null).find((r) => r?.ok);
    return hit ? { ok: true, data: { where: hit.where } } : { ok: false, error: 'No note field found on this page. Open the ticket’s note box and try again.' };
  } catch (e) {
    return { ok: false, error: `Metronome cannot write into this page (${e instanceof Error ? e.message : String(e)}).` };
  }
}

export async function apiResponse(msg: z.infer<typeof ApiResponseMessage>, from: ReadingOrigin): Promise<Reply> {
  let pageUrl: URL;
  let apiUrl: URL;
  try {
    pageUrl = new URL(msg.url);
    apiUrl = new URL(msg.apiUrl);
  } catch {
    return { ok: false, error: 'invalid URL' };
  }
  const { calendar } = await currentConfig();
  const reading = readApiResponse(from.tabId, pageUrl, apiUrl, msg.body, calendar.timeZone);
  if (!reading || (reading.observations.length === 0 && reading.missing.length === 0)) return { ok: true, data: { stored: 0 } };
  return handleReading(
    {
      type: 'reading',
      readingId: `api-${Date.now()}`,
      url: msg.url,
      adapter: reading.adapter,
      pageType: reading.pageType,
      observations: reading.observations,
      missing: reading.missing,
      warnings: reading.warnings,
    },
    from,
  );
}

// ---------------------------------------------------------------------------------------------
// Teach mode: a TeachMapping is stored in the mappings table as { urlPattern, dateOrder, createdAt, fields }.

export function rowToMapping(row: MappingRow): TeachMapping | null {
  const f = row.fields as Record<string, unknown>;
  const parsed = TeachMapping.safeParse({ id: row.id, host: row.host, pageType: row.pageType, updatedAt: row.updatedAt, ...f });
  return parsed.success ? parsed.data : null;
}

export async function teachMappings(host: string): Promise<Reply<TeachMapping[]>> {
  const rows = await mappingsForHost(db(), host);
  return { ok: true, data: rows.flatMap((r) => rowToMapping(r) ?? []) };
}

export async function teachSave(raw: unknown): Promise<Reply<TeachMapping>> {
  const parsed = TeachMapping.safeParse(raw);
  if (!parsed.success)
    return { ok: false, error: 'This mapping is incomplete.', errors: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) };
  const m = parsed.data;
  await saveMapping(db(), m.host, m.pageType as PageType, {
    urlPattern: m.urlPattern,
    createdAt: m.createdAt,
    fields: m.fields,
    ...(m.dateOrder ? { dateOrder: m.dateOrder } : {}),
  });
  return { ok: true, data: m };
}

export async function teachDelete(host: string, pageType: PageType): Promise<Reply> {
  await deleteMapping(db(), host, pageType);
  return { ok: true };
}

export async function dismissPill(host: string): Promise<Reply> {
  await setSetting(db(), `pillDismissed:${host.toLowerCase()}`, true);
  return { ok: true };
}

export async function openPanel(tabId: number | undefined, windowId: number | undefined): Promise<Reply> {
  const sidePanel = (browser as unknown as { sidePanel?: { open(o: { tabId?: number; windowId?: number }): Promise<void> } }).sidePanel;
  try {
    if (sidePanel && tabId !== undefined) await sidePanel.open({ tabId });
    else if (sidePanel && windowId !== undefined) await sidePanel.open({ windowId });
    else await (browser as unknown as { sidebarAction?: { open(): Promise<void> } }).sidebarAction?.open();
    return { ok: true };
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}
