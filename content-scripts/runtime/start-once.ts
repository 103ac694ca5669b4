/**
 * One reader per document. Every reader bundle (`entrypoints/reader*.content.ts`) is injected on the
 * loader's request (background `injectReader`); a retried request after a lost reply — or a request
 * that chose another bundle — must not start a second reader in the same document. All of the
 * extension's content scripts in a frame share one isolated world, so one global, set by whichever
 * bundle starts first, covers every bundle.
 *
 * The global holds the running reader's context rather than a plain flag: WXT invalidates a running
 * content script when the *same* script is injected again (its context constructor tells older
 * same-named ones to stop, before `main` runs). That reader is dead by the time the newcomer asks,
 * so the newcomer takes over; while the running reader is valid (another bundle's newcomer), it is
 * refused.
 */

const STARTED = '__metronomeReaderStarted';

/** What the guard needs of a WXT `ContentScriptContext`. */
export interface ReaderLife {
  readonly isInvalid: boolean;
}

/** True when the caller should start its reader (none runs in this document); false otherwise. */
export function claimReaderStart(life: ReaderLife, world: object = globalThis): boolean {
  const w = world as { [STARTED]?: ReaderLife };
  const running = w[STARTED];
  if (running && !running.isInvalid) return false;
  w[STARTED] = life;
  return true;
}
