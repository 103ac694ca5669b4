/**
 * Lint the Firefox build with web-ext. Fails on any error or warning except three known ones in
 * third-party code, each checked to be what we say it is:
 * - React DOM's innerHTML assignment (its dangerouslySetInnerHTML support; Metronome never uses it —
 *   test/no-raw-html.test.ts greps our sources);
 * - Readability's innerHTML in main-text.js (it runs on an inert clone of the page, never the page);
 * - zod's `new Function` probe for its optional JIT (disabled: messaging/zod-setup.ts sets jitless).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const dir = path.resolve(process.env.METRONOME_OUT_DIR ?? '.output', 'firefox-mv3');
const out = execFileSync('npx', ['web-ext', 'lint', '--source-dir', dir, '--output', 'json'], {
  encoding: 'utf8',
  stdio: ['ignore', 'pipe', 'ignore'],
  env: { ...process.env, NODE_NO_WARNINGS: '1' },
}).trim();
type Finding = { code: string; file?: string; message: string };
const report = JSON.parse(out.slice(out.indexOf('{'))) as { errors: Finding[]; warnings: Finding[]; notices: Finding[] };
const source = (file = '') => readFileSync(path.join(dir, file), 'utf8');

function known(w: Finding): string | null {
  const file = w.file ?? '';
  // Chunk names change with code splitting: recognise React DOM by its content, not its file name.
  if (w.code === 'UNSAFE_VAR_ASSIGNMENT' && /^chunks\/[-\w]+\.js$/.test(file) && /dangerouslySetInnerHTML/.test(source(file)) && /useSyncExternalStore/.test(source(file)))
    return 'React DOM internals';
  if (w.code === 'UNSAFE_VAR_ASSIGNMENT' && file === 'main-text.js' && source(file).includes('Readability')) return 'Readability on an inert clone';
  if (w.code === 'DANGEROUS_EVAL' && source(file).includes('jitless')) return "zod's JIT probe (jitless)";
  return null;
}

const unexplained = [...report.errors, ...report.warnings.filter((w) => !known(w))];
for (const w of report.warnings) if (known(w)) console.log(`web-ext lint: known, in library code (${known(w)}): ${w.code} ${w.file}`);
for (const p of unexplained) console.error(`web-ext lint: ${p.code} ${p.file ?? ''} ${p.message}`);
console.log(`web-ext lint (Firefox build): ${report.errors.length} errors, ${unexplained.length - report.errors.length} unexplained warnings`);
process.exit(unexplained.length ? 1 : 0);
