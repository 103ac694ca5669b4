/**
 * The pill and teach mode belong to the frame that shows the page. On most PSAs that is the top
 * frame; Autotask shows every page inside one full-size inner frame (/Mvc/…) of an outer shell, so
 * there the pill is drawn, and teach mode opens, in that inner frame — once, never in the shell.
 */
import { expect, test, type Frame, type Page } from '@playwright/test';
import { useDemoSession } from './harness';
import { sendFromExtension } from './helpers';
import { tabIdOf } from './panel-helpers';

// The sample portfolio: the demo tickets' companies are known accounts, so their pages get a pill.
const env = useDemoSession('sidepanel.html', async (s) => {
  expect((await sendFromExtension(s.ext, { type: 'sample.load' })).ok).toBe(true);
});

/** Frames (by path) holding `selector`, with how many each holds. */
async function framesWith(page: Page, selector: string): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const f of page.frames()) {
    const n = await f.evaluate((s) => document.querySelectorAll(s).length, selector).catch(() => 0);
    if (n > 0) out[pathOf(f)] = n;
  }
  return out;
}
const pathOf = (f: Frame) => new URL(f.url()).pathname;

const origin = (host: string) => `http://${host}.localhost:${new URL(env.demo.url).port}`;

test('Autotask: the pill is drawn in the inner page frame, once, and teach mode opens there', async () => {
  const page = await env.session.context.newPage();
  const url = `${origin('autotask')}/app/ticket?ticketId=29711043`;
  await page.goto(url);
  await page.bringToFront();
  const inner = '/Mvc/ServiceDesk/TicketDetail.mvc';
  await expect.poll(() => framesWith(page, 'metronome-pill'), { timeout: 20_000 }).toEqual({ [inner]: 1 });

  const tabId = await tabIdOf(env.ext, url);
  expect(await sendFromExtension(env.ext, { type: 'teach.start', tabId })).toEqual({ ok: true });
  await expect.poll(() => framesWith(page, 'metronome-teach')).toEqual({ [inner]: 1 });
  // Still one a moment later (no second frame answering late).
  await page.waitForTimeout(500);
  expect(await framesWith(page, 'metronome-teach')).toEqual({ [inner]: 1 });
  await page.close();
});

test('ConnectWise: the pill and teach mode stay in the top frame (its history iframe is not a page)', async () => {
  const page = await env.session.context.newPage();
  const url = `${origin('cw')}/v4_6_release/services/system_io/Service/fv_sr100_request.rails?service_recid=284511`;
  await page.goto(url);
  await page.bringToFront();
  const top = '/v4_6_release/services/system_io/Service/fv_sr100_request.rails';
  await expect.poll(() => framesWith(page, 'metronome-pill'), { timeout: 20_000 }).toEqual({ [top]: 1 });
  const tabId = await tabIdOf(env.ext, url);
  expect(await sendFromExtension(env.ext, { type: 'teach.start', tabId })).toEqual({ ok: true });
  await expect.poll(() => framesWith(page, 'metronome-teach')).toEqual({ [top]: 1 });
  await page.close();
});
