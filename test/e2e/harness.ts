/**
 * Launch Debian's Chromium with the built demo extension loaded (headless=new), the way a user runs
 * it. Never downloads a browser: `CHROMIUM_PATH` or /usr/bin/chromium.
 */
import { chromium, test, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startDemoServer } from '../../demo/server';

export const EXTENSION_ID = 'hknjndehghjflmpnhfpllpjpoiinoehd';
export const DEMO_BUILD_DIR = path.resolve(process.env.METRONOME_OUT_DIR ?? '.output', 'chrome-mv3-demo');

export function chromiumPath(): string {
  const p = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(p)) throw new Error(`Chromium not found at ${p}: apt-get install -y chromium (or set CHROMIUM_PATH)`);
  return p;
}

export interface ExtensionSession {
  context: BrowserContext;
  extensionId: string;
  serviceWorker(): Promise<Worker>;
  /** Open an extension page (`sidepanel.html`, `dashboard.html`, `options.html`). */
  openExtensionPage(file: string): Promise<Page>;
  close(): Promise<void>;
}

const CHROMIUM_FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'];

function builtExtension(extensionDir: string): string {
  if (!existsSync(path.join(extensionDir, 'manifest.json')))
    throw new Error(`No built extension in ${extensionDir}: run METRONOME_DEMO=1 npx wxt build first`);
  return extensionDir;
}

/**
 * Chromium *without* the extension, which `install()` then loads (CDP `Extensions.loadUnpacked`),
 * the way a user installs it into a browser that already has pages open.
 */
export async function launchThenInstall(opts: { extensionDir?: string } = {}): Promise<{
  context: BrowserContext;
  install(): Promise<string>;
  close(): Promise<void>;
}> {
  const extensionDir = builtExtension(opts.extensionDir ?? DEMO_BUILD_DIR);
  const userDataDir = mkdtempSync(path.join(tmpdir(), 'metronome-e2e-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath(),
    headless: false,
    args: ['--headless=new', '--enable-unsafe-extension-debugging', ...CHROMIUM_FLAGS],
    // Playwright starts Chromium with --disable-extensions unless told not to (it drops it by itself
    // only when --load-extension is given).
    ignoreDefaultArgs: ['--disable-extensions'],
    viewport: { width: 1280, height: 860 },
  });
  return {
    context,
    async install() {
      const cdp = await context.browser()!.newBrowserCDPSession();
      const { id } = (await cdp.send('Extensions.loadUnpacked' as never, { path: extensionDir } as never)) as { id: string };
      await cdp.detach();
      return id;
    },
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

export async function launchExtension(opts: { headed?: boolean; extensionDir?: string } = {}): Promise<ExtensionSession> {
  const extensionDir = builtExtension(opts.extensionDir ?? DEMO_BUILD_DIR);
  const userDataDir = mkdtempSync(path.join(tmpdir(), 'metronome-e2e-'));
  const args = [
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
    ...CHROMIUM_FLAGS,
  ];
  if (!opts.headed) args.unshift('--headless=new');
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath(),
    headless: false, // headless is chosen by --headless=new above (the old headless mode has no extensions)
    args,
    viewport: { width: 1280, height: 860 },
  });
  const serviceWorker = async (): Promise<Worker> => {
    const existing = context.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${EXTENSION_ID}/`));
    if (existing) return existing;
    return context.waitForEvent('serviceworker', {
      predicate: (w) => w.url().startsWith(`chrome-extension://${EXTENSION_ID}/`),
      timeout: 15_000,
    });
  };
  // The background registers its content scripts on install, asynchronously: a page opened before
  // that gets none. Wait for them wherever origins are granted (the demo build grants the loopback hosts).
  const worker = await serviceWorker();
  const deadline = Date.now() + 15_000;
  for (;;) {
    const ready = await worker
      .evaluate(async () => {
        const api = (globalThis as unknown as {
          chrome: {
            permissions: { getAll(): Promise<{ origins?: string[] }> };
            scripting: { getRegisteredContentScripts(): Promise<unknown[]> };
          };
        }).chrome;
        const origins = (await api.permissions.getAll()).origins ?? [];
        return origins.length === 0 || (await api.scripting.getRegisteredContentScripts()).length > 0;
      })
      .catch(() => false);
    if (ready) break;
    if (Date.now() > deadline) throw new Error('the extension did not register its content scripts within 15 s');
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    context,
    extensionId: EXTENSION_ID,
    serviceWorker,
    async openExtensionPage(file) {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${EXTENSION_ID}/${file}`);
      return page;
    },
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

export interface DemoSession {
  /** Chromium with the built extension. */
  session: ExtensionSession;
  /** The demo PSA server on a free loopback port. */
  demo: { url: string; close(): Promise<void> | void };
  /** One extension page (for messages and IndexedDB reads). */
  ext: Page;
}

/**
 * The usual spec set-up: before the file's tests, start the demo PSA server, launch Chromium with the
 * extension and open one extension page; after them, close both. Read the fields inside tests.
 */
export function useDemoSession(extensionPage = 'sidepanel.html', setUp?: (s: DemoSession) => Promise<void>): DemoSession {
  const s = {} as DemoSession;
  test.beforeAll(async () => {
    s.demo = await startDemoServer({ port: 0 });
    s.session = await launchExtension();
    s.ext = await s.session.openExtensionPage(extensionPage);
    await setUp?.(s);
  });
  test.afterAll(async () => {
    await s.session?.close();
    await s.demo?.close();
  });
  return s;
}
