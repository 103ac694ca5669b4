/** Print one closing line over the vitest and Playwright JSON reports: "total: N passed, N failed". */
import { existsSync, readFileSync } from 'node:fs';

let passed = 0;
let failed = 0;
let skipped = 0;
const [unitPath, e2ePath] = process.argv.slice(2);

if (unitPath && existsSync(unitPath)) {
  const u = JSON.parse(readFileSync(unitPath, 'utf8')) as { numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number };
  console.log(`unit: ${u.numPassedTests} passed, ${u.numFailedTests} failed`);
  passed += u.numPassedTests;
  failed += u.numFailedTests;
  skipped += u.numPendingTests + u.numTodoTests;
} else {
  console.log('unit: no report (the unit run did not complete)');
  failed += 1;
}

if (e2ePath && existsSync(e2ePath)) {
  const e = JSON.parse(readFileSync(e2ePath, 'utf8')) as { stats: { expected: number; unexpected: number; flaky: number; skipped: number } };
  console.log(`e2e: ${e.stats.expected + e.stats.flaky} passed, ${e.stats.unexpected} failed`);
  passed += e.stats.expected + e.stats.flaky;
  failed += e.stats.unexpected;
  skipped += e.stats.skipped;
} else {
  console.log('e2e: no report (the end-to-end run did not complete)');
  failed += 1;
}

console.log(`total: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed ? 1 : 0);
