/**
 * Writes a saved-page fixture and its expected reading in the format `fixture-harness.ts` reads
 * (`<name>.html` + `<name>.expected.json`). Used by the adapters' fixture generators. As `runReader`
 * does, a drifted page (non-empty `missing`) expects no observations.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface FixtureSpec {
  name: string;
  note: string;
  reader: string;
  url: string;
  now: string;
  timeZone: string;
  dateOrder?: 'MDY' | 'DMY';
  html: string;
  pageType: string;
  observations: Record<string, unknown>[];
  missing?: string[];
  warnings?: string[];
  /** SLA definition pages: the targets they list (`PageReading.slaTargets`). */
  slaTargets?: unknown[];
}

export function writeFixture(dir: string, adapter: string, f: FixtureSpec): void {
  writeFileSync(join(dir, `${f.name}.html`), f.html);
  const expected = {
    reader: f.reader,
    note: f.note,
    url: f.url,
    now: f.now,
    timeZone: f.timeZone,
    ...(f.dateOrder ? { dateOrder: f.dateOrder } : {}),
    reading: {
      adapter,
      pageType: f.pageType,
      observations: f.missing?.length ? [] : f.observations,
      missing: f.missing ?? [],
      warnings: f.warnings ?? [],
      ...(f.slaTargets ? { slaTargets: f.slaTargets } : {}),
    },
  };
  writeFileSync(join(dir, `${f.name}.expected.json`), `${JSON.stringify(expected, null, 2)}\n`);
}
