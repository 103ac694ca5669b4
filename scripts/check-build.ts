/**
 * Checks on the built extensions that CI must not let slip: least privilege in the store manifest
 * (no host access at install, exactly the permissions we need, nothing injected statically) and the
 * content-script size budget (≤ 40 KB gzip each, no React or zod inside). Prints one line per check.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { READER_BUNDLE_FILES, type ReaderBundle } from '../content-scripts/runtime/bundles';

const root = path.resolve(process.env.METRONOME_OUT_DIR ?? '.output');
const failures: string[] = [];
const check = (ok: boolean, line: string) => {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${line}`);
  if (!ok) failures.push(line);
};

const EXPECTED_PERMISSIONS: Record<string, string[]> = {
  'chrome-mv3': ['alarms', 'scripting', 'sidePanel', 'storage', 'unlimitedStorage'],
  'firefox-mv3': ['alarms', 'scripting', 'storage', 'unlimitedStorage'],
};
for (const [dir, expected] of Object.entries(EXPECTED_PERMISSIONS)) {
  const m = JSON.parse(readFileSync(path.join(root, dir, 'manifest.json'), 'utf8')) as {
    permissions?: string[];
    host_permissions?: string[];
    content_scripts?: unknown[];
    optional_host_permissions?: string[];
  };
  check(JSON.stringify([...(m.permissions ?? [])].sort()) === JSON.stringify(expected), `${dir}: permissions are exactly ${expected.join(', ')}`);
  check((m.host_permissions ?? []).length === 0, `${dir}: no host permission at install (got ${JSON.stringify(m.host_permissions ?? [])})`);
  check(!m.content_scripts?.length, `${dir}: no static content scripts (registered at runtime for granted origins only)`);
  check(!(m.optional_host_permissions ?? []).includes('<all_urls>'), `${dir}: no <all_urls>`);
}

const BUDGET = 40 * 1024;
const csDir = path.join(root, 'chrome-mv3', 'content-scripts');
// Everything that runs in PSA pages: the content scripts, and the loader registered in their place
// (an unlisted script at the root, injected on every enabled page — it must stay tiny and polyfill-free).
const pageScripts = [...readdirSync(csDir).filter((f) => f.endsWith('.js')).map((f) => `content-scripts/${f}`), 'reader-loader.js'];
for (const file of pageScripts) {
  const code = readFileSync(path.join(root, 'chrome-mv3', file));
  const gz = gzipSync(code, { level: 9 }).length;
  const text = code.toString('utf8');
  check(gz <= BUDGET, `${file}: ${(gz / 1024).toFixed(1)} KB gzip (budget 40 KB)`);
  check(!/useSyncExternalStore|react\.element/.test(text), `${file}: no React`);
  check(!/ZodError|\$ZodType/.test(text), `${file}: no zod`);
}

// The reader bundles (content-scripts/runtime/bundles.ts): each PSA's carries its own adapter and
// no other — that is what it is for — and every one carries the generic fallback and teach mode.
// An adapter is recognised by its `adapter` name as a string literal in the minified code.
const ADAPTER_NAMES = ['connectwise', 'autotask', 'halopsa', 'm365'] as const;
const literal = (text: string, word: string) => new RegExp(`[\`'"]${word}[\`'"]`).test(text);
for (const dir of ['chrome-mv3', 'firefox-mv3']) {
  for (const [bundle, file] of Object.entries(READER_BUNDLE_FILES) as [ReaderBundle, string][]) {
    let text: string;
    try {
      text = readFileSync(path.join(root, dir, file), 'utf8');
    } catch {
      check(false, `${dir}${file}: built`);
      continue;
    }
    const carried = ADAPTER_NAMES.filter((a) => literal(text, a));
    const expected = bundle === 'all' ? [...ADAPTER_NAMES] : [bundle];
    check(JSON.stringify(carried) === JSON.stringify(expected), `${dir}${file}: adapters ${expected.join(', ')} only (found ${carried.join(', ') || 'none'})`);
    check(literal(text, 'generic') && literal(text, 'teach'), `${dir}${file}: generic fallback and teach mode`);
  }
}

const loader = readFileSync(path.join(root, 'chrome-mv3', 'reader-loader.js'), 'utf8');
// 2 KB raw leaves no room for WXT's content-script runtime or the browser polyfill (~10 KB minified).
check(loader.length <= 2048, `reader-loader.js: ${loader.length} B raw (budget 2 KB: no polyfill, no WXT runtime)`);
const bg = readFileSync(path.join(root, 'chrome-mv3', 'background.js'), 'utf8');
check(!/useSyncExternalStore/.test(bg), 'background.js: no React');

console.log(`build checks: ${failures.length ? `${failures.length} failed` : 'all passed'}`);
process.exit(failures.length ? 1 : 0);
