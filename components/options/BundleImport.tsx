/**
 * A dropped Metronome bundle: preview (counts, or every `path: reason` problem from `parseBundle`),
 * then Apply as merge or replace (replace asks first) through `import.bundle`. The file is parsed
 * here for the preview only; the background validates it again and applies it in one transaction.
 */
import { useId, useMemo, useState } from 'react';
import { parseBundle } from '../../engine/bundle';
import { bundleSummary, MAX_LISTED_ERRORS } from '../../ui/options/files';
import { fmtDateTime } from '../../ui/format';
import { send } from '../../ui/send';

export interface BundleFile {
  fileName: string;
  /** `JSON.parse` result, or the syntax error. */
  json: { ok: true; value: unknown } | { ok: false; error: string };
}

export function BundleImport({ file, timeZone, onClose }: { file: BundleFile; timeZone: string; onClose: () => void }) {
  const parsed = useMemo(
    () => (file.json.ok ? parseBundle(file.json.value) : { ok: false as const, errors: [{ path: '(root)', message: `not valid JSON: ${file.json.error}` }] }),
    [file],
  );
  const [mode, setMode] = useState<'merge' | 'replace'>('merge');
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ kind: 'ok' | 'error'; text: string; errors?: { path: string; message: string }[] } | null>(null);
  const id = useId();
  const summary = parsed.ok ? bundleSummary(parsed.bundle) : null;

  const apply = async () => {
    if (!parsed.ok || !file.json.ok) return;
    setConfirming(false);
    setBusy(true);
    setResult(null);
    const reply = await send<{ written?: Record<string, number> }>({ type: 'import.bundle', json: file.json.value, mode }, { quiet: true });
    setBusy(false);
    if (reply.ok) {
      const w = reply.data?.written;
      setResult({
        kind: 'ok',
        text: `Imported (${mode}). ${w ? `Written: ${w.accounts ?? 0} accounts, ${w.signals ?? 0} signals, ${w.ctas ?? 0} CTAs.` : ''}`.trim(),
      });
    } else setResult({ kind: 'error', text: reply.error || 'The bundle was not imported; nothing changed.', ...(reply.errors ? { errors: reply.errors } : {}) });
  };

  return (
    <section className="import-preview" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>
        Metronome bundle: <span className="filename">{file.fileName}</span>
      </h3>
      {!parsed.ok ? (
        <div role="alert" className="opt-error">
          <p>
            ✕ This file cannot be imported ({parsed.errors.length} problem{parsed.errors.length === 1 ? '' : 's'}). Nothing was changed.
          </p>
          <ErrorList errors={parsed.errors.map((e) => `${e.path}: ${e.message}`)} />
        </div>
      ) : (
        <>
          <dl className="counts">
            <dt>Exported</dt>
            <dd>{fmtDateTime(summary!.exportedAt, timeZone)}</dd>
            <dt>Accounts</dt>
            <dd>
              {summary!.accounts}
              {summary!.sampleAccounts ? ` (${summary!.sampleAccounts} sample)` : ''}
            </dd>
            <dt>Signals</dt>
            <dd>{summary!.signals}</dd>
            <dt>CTAs</dt>
            <dd>{summary!.ctas}</dd>
            <dt>Monthly snapshots</dt>
            <dd>{summary!.snapshots}</dd>
            <dt>Settings / teach-mode mappings</dt>
            <dd>
              {summary!.settings} / {summary!.mappings}
            </dd>
          </dl>
          <fieldset className="mode">
            <legend>How to apply it</legend>
            <label className="check">
              <input type="radio" name={`${id}-mode`} value="merge" checked={mode === 'merge'} onChange={() => setMode('merge')} /> Merge: add
              and update, keep what is only here (a newer copy here wins)
            </label>
            <label className="check">
              <input type="radio" name={`${id}-mode`} value="replace" checked={mode === 'replace'} onChange={() => setMode('replace')} /> Replace:
              delete everything here first, then load the file
            </label>
          </fieldset>
          {confirming ? (
            <div role="alertdialog" aria-labelledby={`${id}-confirm`} className="confirm">
              <p id={`${id}-confirm`}>
                <strong>Replace all data?</strong> Every account, signal, CTA, snapshot, setting and mapping in Metronome is deleted and
                replaced by this file. Download a backup first if unsure.
              </p>
              <div className="actions">
                <button type="button" className="btn btn--danger" onClick={() => void apply()} autoFocus>
                  Yes, replace everything
                </button>
                <button type="button" className="btn" onClick={() => setConfirming(false)}>
                  Cancel
                </button>
              </div>
            </div>
          ) : (
            <div className="actions">
              <button type="button" className="btn btn--primary" disabled={busy} onClick={() => (mode === 'replace' ? setConfirming(true) : void apply())}>
                {busy ? 'Importing…' : mode === 'replace' ? 'Apply (replace)…' : 'Apply (merge)'}
              </button>
              <button type="button" className="btn" onClick={onClose} disabled={busy}>
                Cancel
              </button>
            </div>
          )}
        </>
      )}
      {!parsed.ok && (
        <div className="actions">
          <button type="button" className="btn" onClick={onClose}>
            Close
          </button>
        </div>
      )}
      <div role={result?.kind === 'error' ? 'alert' : 'status'} className={result?.kind === 'error' ? 'opt-error' : 'opt-ok'}>
        {result && <p>{result.text}</p>}
        {result?.errors && <ErrorList errors={result.errors.map((e) => `${e.path}: ${e.message}`)} />}
      </div>
    </section>
  );
}

/** Problem lines as text (never HTML), the first `MAX_LISTED_ERRORS` of them. */
export function ErrorList({ errors, id }: { errors: readonly string[]; id?: string }) {
  const shown = errors.slice(0, MAX_LISTED_ERRORS);
  return (
    <ul className="error-list" id={id}>
      {shown.map((e, i) => (
        <li key={i}>{e}</li>
      ))}
      {errors.length > shown.length && <li className="muted">… and {errors.length - shown.length} more</li>}
    </ul>
  );
}
