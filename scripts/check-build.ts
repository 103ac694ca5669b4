/**
 * Checks on the built extensions that CI must not let slip: least privilege in the store manifest
 * (no host access at install, exactly the permissions we need, nothing injected statically) and the
 * content-script size budget (≤ 40 KB gzip each, no React or zod inside). Prints one line per check.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

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
for (const file of readdirSync(csDir).filter((f) => f.endsWith('.js'))) {
  const code = readFileSync(path.join(csDir, file));
  const gz = gzipSync(code, { level: 9 }).length;
  const text = code.toString('utf8');
  check(gz <= BUDGET, `content-scripts/${file}: ${(gz / 1024).toFixed(1)} KB gzip (budget 40 KB)`);
  check(!/useSyncExternalStore|react\.element/.test(text), `content-scripts/${file}: no React`);
  check(!/ZodError|\$ZodType/.test(text), `content-scripts/${file}: no zod`);
}
const bg = readFileSync(path.join(root, 'chrome-mv3', 'background.js'), 'utf8');
check(!/useSyncExternalStore/.test(bg), 'background.js: no React');

console.log(`build checks: ${failures.length ? `${failures.length} failed` : 'all passed'}`);
process.exit(failures.length ? 1 : 0);
