/**
 * Lint the Firefox build with web-ext. Fails on any error or warning, except React DOM's own
 * innerHTML assignment inside its runtime chunk (library code that implements
 * dangerouslySetInnerHTML, which Metronome never uses — a test greps the sources for it).
 */
import { execFileSync } from 'node:child_process';

const out = execFileSync('npx', ['web-ext', 'lint', '--source-dir', '.output/firefox-mv2', '--output', 'json'], {
  encoding: 'utf8',
  stdio: ['ignore', 'pipe', 'ignore'],
  env: { ...process.env, NODE_NO_WARNINGS: '1' },
}).trim();
const report = JSON.parse(out.slice(out.indexOf('{'))) as {
  errors: { code: string; file?: string; message: string }[];
  warnings: { code: string; file?: string; message: string }[];
};
const isReactDomInternal = (w: { code: string; file?: string }) =>
  w.code === 'UNSAFE_VAR_ASSIGNMENT' && /^chunks\/(jsx-runtime|react-dom|client)[-\w]*\.js$/.test(w.file ?? '');
const problems = [...report.errors, ...report.warnings.filter((w) => !isReactDomInternal(w))];
for (const p of problems) console.error(`web-ext lint: ${p.code} ${p.file ?? ''} ${p.message}`);
console.log(`web-ext lint (Firefox build): ${report.errors.length} errors, ${problems.length - report.errors.length} warnings that count`);
process.exit(problems.length ? 1 : 0);
