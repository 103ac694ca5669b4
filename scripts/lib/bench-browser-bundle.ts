/**
 * Bundles `bench-browser-entry.ts` (adapters + storage ingest) into one IIFE string for
 * `page.evaluate` / `page.addScriptTag` in real Chromium (e2e fixture replay and browser bench).
 * esbuild is already in node_modules (a Vite/WXT dependency); nothing is written to disk.
 */
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const ENTRY = fileURLToPath(new URL('./bench-browser-entry.ts', import.meta.url));

let cached: Promise<string> | undefined;

/** The IIFE source; evaluating it defines `globalThis.__metronome` (see `MetronomeTestApi`). */
export function readersBundle(): Promise<string> {
  cached ??= build({
    entryPoints: [ENTRY],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    write: false,
    minify: false,
    sourcemap: false,
    logLevel: 'silent',
    // Production-like: the extension build is minified, but readable stacks help when a fixture fails.
    define: { 'process.env.NODE_ENV': '"production"' },
  }).then((r) => {
    const out = r.outputFiles[0];
    if (!out) throw new Error('esbuild produced no output');
    return out.text;
  });
  return cached;
}
