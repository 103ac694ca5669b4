/**
 * The resolved configuration, remembered between side-panel opens (localStorage: synchronous, per
 * extension, UI-only state). Resolving needs the configuration module — zod and every schema, ~30 ms
 * of evaluation — which the panel's first render should not wait for. `resolveConfig` is a pure
 * function of (stored overrides, the extension's code), so an entry made by the same version for the
 * same overrides is the same configuration; the panel still loads the module after its first render
 * and replaces the entry (and what it shows) if they ever differ.
 */
import { browser } from 'wxt/browser';
import type { MetronomeConfig } from '../engine/config';

const KEY = 'metronome.resolvedConfig';

interface Entry {
  build: string;
  overrides: string;
  config: MetronomeConfig;
}

/** The extension's version: defaults may change with it. */
function build(): string {
  try {
    return browser.runtime.getManifest().version;
  } catch {
    return '';
  }
}

const overridesKey = (overrides: unknown): string => JSON.stringify(overrides ?? null);

function read(): Entry | undefined {
  try {
    const raw = globalThis.localStorage?.getItem(KEY);
    if (!raw) return undefined;
    const e = JSON.parse(raw) as Partial<Entry>;
    return typeof e.build === 'string' && typeof e.overrides === 'string' && e.config && typeof e.config === 'object' ? (e as Entry) : undefined;
  } catch {
    return undefined;
  }
}

/** Whether an entry from this version exists (worth waiting for the overrides before loading zod). */
export function hasCachedConfig(): boolean {
  return read()?.build === build();
}

/** The remembered configuration for these overrides, or undefined. */
export function cachedConfig(overrides: unknown): MetronomeConfig | undefined {
  const e = read();
  return e && e.build === build() && e.overrides === overridesKey(overrides) ? e.config : undefined;
}

export function rememberConfig(overrides: unknown, config: MetronomeConfig): void {
  try {
    const entry: Entry = { build: build(), overrides: overridesKey(overrides), config };
    const raw = JSON.stringify(entry);
    if (globalThis.localStorage?.getItem(KEY) !== raw) globalThis.localStorage?.setItem(KEY, raw);
  } catch {
    // Storage full or unavailable: the panel resolves the configuration each time instead.
  }
}

export function forgetConfig(): void {
  try {
    globalThis.localStorage?.removeItem(KEY);
  } catch {
    /* ignore */
  }
}
