/**
 * Page text is untrusted: Metronome renders it as text, never as HTML. This guard fails if any
 * shipped source (not tests or fixture generators) writes raw HTML into a DOM.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const SHIPPED = ['components', 'entrypoints', 'content-scripts', 'ui', 'recap', 'engine', 'storage', 'messaging', 'import'];
const RAW_HTML = /dangerouslySetInnerHTML|\.innerHTML\s*[+]?=|\.outerHTML\s*=|insertAdjacentHTML|document\.write\(/;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) return name === 'fixtures' || name === 'node_modules' ? [] : sources(p);
    return /\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$|testing\.tsx?$|fixtures\.ts$/.test(name) ? [p] : [];
  });
}

describe('no raw HTML in shipped code', () => {
  const files = SHIPPED.flatMap((d) => sources(d));
  it('scans the shipped sources', () => expect(files.length).toBeGreaterThan(100));
  it('never assigns innerHTML/outerHTML, never uses dangerouslySetInnerHTML, insertAdjacentHTML or document.write', () => {
    const offenders = files.filter((f) => RAW_HTML.test(readFileSync(f, 'utf8')));
    expect(offenders).toEqual([]);
  });
});
