/**
 * Sample data on/off, data retention, and "Reset everything" (typed confirmation). All writes are
 * messages to the background: `sample.load`, `sample.remove`, `settings.retention`, `reset`.
 */
import { useEffect, useId, useState } from 'react';
import { RETENTION_DAYS } from '../../messaging/protocol';
import { parseNumberInput } from '../../ui/options/configForm';
import { send } from '../../ui/send';

export const RESET_WORD = 'RESET';

export interface DataSectionProps {
  /** Whether sample accounts are loaded; `undefined` while loading. */
  sampleLoaded: boolean | undefined;
  /** Stored retention (days); `undefined` while loading, `null` when never set. */
  retentionDays: number | null | undefined;
}

type Status = { kind: 'ok' | 'error'; text: string } | null;

function StatusLine({ status }: { status: Status }) {
  return (
    <div role={status?.kind === 'error' ? 'alert' : 'status'} className={status?.kind === 'error' ? 'opt-error' : 'opt-ok'}>
      {status?.text ?? ''}
    </div>
  );
}

export function DataSection({ sampleLoaded, retentionDays }: DataSectionProps) {
  return (
    <>
      <SampleData loaded={sampleLoaded} />
      <Retention stored={retentionDays} />
      <ResetEverything />
    </>
  );
}

function SampleData({ loaded }: { loaded: boolean | undefined }) {
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<Status>(null);
  const run = async (type: 'sample.load' | 'sample.remove') => {
    setBusy(true);
    setStatus(null);
    const reply = await send<{ accounts?: number }>({ type }, { quiet: true });
    setBusy(false);
    if (!reply.ok) setStatus({ kind: 'error', text: `${type === 'sample.load' ? 'Not loaded' : 'Not removed'}: ${reply.error}` });
    else
      setStatus({
        kind: 'ok',
        text: type === 'sample.load' ? `Sample portfolio loaded (${reply.data?.accounts ?? 40} accounts, marked “sample”).` : 'Sample data removed; your own data is untouched.',
      });
  };
  return (
    <section aria-labelledby="sample-title" className="opt-section">
      <h2 id="sample-title">Sample data</h2>
      <p className="opt-lead">
        A portfolio of 40 fictional clients to try Metronome without a PSA. Every sample row is marked, so removing it leaves your
        own data as it is.
      </p>
      <p>
        Status: <strong>{loaded === undefined ? 'checking…' : loaded ? 'sample portfolio loaded' : 'no sample data'}</strong>
      </p>
      <div className="actions">
        <button type="button" className="btn btn--primary" disabled={busy || loaded === true} onClick={() => void run('sample.load')}>
          Load sample portfolio
        </button>
        <button type="button" className="btn" disabled={busy || loaded === false} onClick={() => void run('sample.remove')}>
          Remove sample data
        </button>
      </div>
      <StatusLine status={status} />
    </section>
  );
}

function Retention({ stored }: { stored: number | null | undefined }) {
  const id = useId();
  const current = typeof stored === 'number' ? stored : RETENTION_DAYS.default;
  const [text, setText] = useState(String(current));
  const [status, setStatus] = useState<Status>(null);
  useEffect(() => setText(String(current)), [current]);
  const n = parseNumberInput(text);
  const problem =
    n === undefined || !Number.isInteger(n)
      ? 'enter a whole number of days'
      : n < RETENTION_DAYS.min || n > RETENTION_DAYS.max
        ? `between ${RETENTION_DAYS.min} and ${RETENTION_DAYS.max} days (the engine looks back up to ${RETENTION_DAYS.min} days)`
        : null;

  const save = async () => {
    if (problem || n === undefined) return;
    const reply = await send({ type: 'settings.retention', days: n }, { quiet: true });
    setStatus(reply.ok ? { kind: 'ok', text: `Signals older than ${n} days will be removed.` } : { kind: 'error', text: `Not saved: ${reply.error}` });
  };

  return (
    <section aria-labelledby={`${id}-title`} className="opt-section">
      <h2 id={`${id}-title`}>Data retention</h2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
        noValidate
      >
        <label htmlFor={`${id}-days`}>
          <span>Keep signals for (days)</span>
        </label>
        <div className="field__row">
          <input
            id={`${id}-days`}
            type="number"
            className="num"
            min={RETENTION_DAYS.min}
            max={RETENTION_DAYS.max}
            step={1}
            value={text}
            aria-invalid={problem ? true : undefined}
            aria-describedby={`${id}-hint`}
            onChange={(e) => {
              setText(e.target.value);
              setStatus(null);
            }}
          />
          <span id={`${id}-hint`} className={problem ? 'opt-error small' : 'muted small'}>
            {problem ? `✕ ${problem}` : `default ${RETENTION_DAYS.default}${stored === null ? ' (in use)' : ''}`}
          </span>
          <button type="submit" className="btn" disabled={!!problem || n === stored}>
            Save retention
          </button>
        </div>
      </form>
      <p className="small muted">Monthly snapshots are kept, so trends survive older signals being removed.</p>
      <StatusLine status={status} />
    </section>
  );
}

function ResetEverything() {
  const id = useId();
  const [word, setWord] = useState('');
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<Status>(null);
  const armed = word === RESET_WORD;
  const reset = async () => {
    if (!armed) return;
    setBusy(true);
    const reply = await send({ type: 'reset' }, { quiet: true });
    setBusy(false);
    setWord('');
    setStatus(reply.ok ? { kind: 'ok', text: 'Everything was deleted. Metronome starts from scratch.' } : { kind: 'error', text: `Nothing was deleted: ${reply.error}` });
  };
  return (
    <section aria-labelledby={`${id}-title`} className="opt-section opt-section--danger">
      <h2 id={`${id}-title`}>Reset everything</h2>
      <p className="opt-lead">
        Deletes every account, signal, CTA, snapshot, setting and mapping stored by Metronome in this browser. Site permissions
        stay as they are. Download a backup first if you may want it back.
      </p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void reset();
        }}
        noValidate
      >
        <label htmlFor={`${id}-word`}>
          <span>Type {RESET_WORD} to confirm</span>
        </label>
        <div className="field__row">
          <input id={`${id}-word`} type="text" autoComplete="off" spellCheck={false} value={word} onChange={(e) => setWord(e.target.value)} />
          <button type="submit" className="btn btn--danger" disabled={!armed || busy}>
            Reset everything
          </button>
        </div>
      </form>
      <StatusLine status={status} />
    </section>
  );
}
