import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { runFixtures } from '../core/fixture-harness';
import { validateObservation } from '../core/registry';
import { readHaloApiResponse } from './api';
import { haloReaders } from './index';

// Rendered agent-app pages (DOM fallback readers).
runFixtures(new URL('.', import.meta.url), haloReaders);

// Saved API responses: fixtures/api/<name>.json + <name>.expected.json.
const ApiExpectation = z
  .object({
    note: z.string(),
    path: z.string(),
    url: z.url(),
    now: z.iso.datetime({ offset: true }),
    timeZone: z.string(),
    reading: z.object({ adapter: z.literal('halopsa'), pageType: z.string(), observations: z.array(z.unknown()), missing: z.array(z.string()), warnings: z.array(z.string()) }),
  })
  .strict();

const apiDir = new URL('./fixtures/api/', import.meta.url);
const apiNames = readdirSync(apiDir)
  .filter((f) => f.endsWith('.expected.json'))
  .map((f) => f.slice(0, -'.expected.json'.length))
  .sort();

describe('HaloPSA API fixtures (fixtures/api)', () => {
  it('has fixtures', () => expect(apiNames.length).toBeGreaterThanOrEqual(8));
  for (const name of apiNames) {
    it(name, () => {
      const expected = ApiExpectation.parse(JSON.parse(readFileSync(new URL(`${name}.expected.json`, apiDir), 'utf8')));
      const json: unknown = JSON.parse(readFileSync(new URL(`${name}.json`, apiDir), 'utf8'));
      const ctx = { url: new URL(expected.url), now: new Date(expected.now), timeZone: expected.timeZone };
      const reading = readHaloApiResponse(expected.path, json, ctx);
      expect(reading).toEqual(expected.reading);
      // Every observation is a valid signal once it has an account.
      for (const o of reading!.observations) expect(validateObservation(o)).toMatchObject({ ok: true });
    });
  }
});
