/**
 * Export / backup: the whole database as a Metronome bundle, read directly from IndexedDB in this
 * page with `exportBundle` (read-only; no message round-trip for a possibly large file). Lossless:
 * soft-deleted rows are kept (docs/bundle.md).
 */
import { useState } from 'react';
import { exportBundle } from '../../storage/bundle';
import type { MetronomeDb } from '../../storage/db';
import { backupFileName } from '../../ui/options/files';

export function BackupSection({ db, timeZone, now = () => new Date() }: { db: MetronomeDb; timeZone: string; now?: () => Date }) {
  const [status, setStatus] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const download = async () => {
    setBusy(true);
    setStatus(null);
    try {
      const at = now();
      const bundle = await exportBundle(db, { now: at });
      const name = backupFileName(at, timeZone);
      const url = URL.createObjectURL(new Blob([JSON.stringify(bundle, null, 2)], { type: 'application/json' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = name;
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      setStatus({ kind: 'ok', text: `${name}: ${bundle.accounts.length} accounts, ${bundle.signals.length} signals, ${bundle.ctas?.length ?? 0} CTAs.` });
    } catch (e) {
      setStatus({ kind: 'error', text: `The backup could not be written: ${e instanceof Error ? e.message : String(e)}` });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="backup-title" className="opt-section">
      <h2 id="backup-title">Export and backup</h2>
      <p className="opt-lead">
        One JSON file with every account, signal, CTA, snapshot, setting and teach-mode mapping. It stays on your computer; Import
        above restores it.
      </p>
      <div className="actions">
        <button type="button" className="btn btn--primary" onClick={() => void download()} disabled={busy}>
          {busy ? 'Preparing…' : 'Download backup'}
        </button>
      </div>
      <div role={status?.kind === 'error' ? 'alert' : 'status'} className={status?.kind === 'error' ? 'opt-error' : 'opt-ok'}>
        {status?.text ?? ''}
      </div>
    </section>
  );
}
