/**
 * First run and sample data. With no data: a clear choice — enable your PSA's host (options page) or
 * load the sample portfolio. Sample data is marked by a banner and removable in one click.
 */
import { useState } from 'react';
import { browser } from 'wxt/browser';
import { isHttpUrl } from '../ui/format';
import { send } from '../ui/send';

/** Reply of `sample.load` may name the demo PSA's URL when the demo build serves it. */
export function demoUrlFromReply(data: unknown): string | null {
  const url = data && typeof data === 'object' ? (data as { demoUrl?: unknown }).demoUrl : undefined;
  return typeof url === 'string' && isHttpUrl(url) ? url : null;
}

export function openOptions(): void {
  void browser.runtime.openOptionsPage().catch(() => browser.tabs.create({ url: browser.runtime.getURL('/options.html') }));
}

export function TrialChoice() {
  const [busy, setBusy] = useState(false);
  const [demoUrl, setDemoUrl] = useState<string | null>(null);
  const load = async () => {
    setBusy(true);
    const r = await send({ type: 'sample.load' });
    setBusy(false);
    if (r.ok) setDemoUrl(demoUrlFromReply(r.data));
  };
  return (
    <section className="trial" aria-labelledby="trial-title">
      <h2 id="trial-title">Start with your data or ours</h2>
      <p>Metronome has no data yet. Nothing leaves your browser either way.</p>
      <div className="trial__choices">
        <div className="trial__choice">
          <h3>Use your PSA</h3>
          <p>Allow Metronome to read your ConnectWise, Autotask or HaloPSA host (and Microsoft 365 admin), then browse as usual.</p>
          <button type="button" className="btn btn--primary" onClick={openOptions}>
            Enable your PSA host
          </button>
        </div>
        <div className="trial__choice">
          <h3>Try the sample portfolio</h3>
          <p>40 fictional clients with a year of history. Marked as sample data and removable in one click.</p>
          <button type="button" className="btn" disabled={busy} onClick={() => void load()}>
            {busy ? 'Loading…' : 'Load sample portfolio'}
          </button>
        </div>
      </div>
      {demoUrl ? (
        <p>
          <button type="button" className="linklike" onClick={() => void browser.tabs.create({ url: demoUrl })}>
            Open the demo PSA
          </button>
        </p>
      ) : null}
    </section>
  );
}

export function SampleBanner() {
  const [busy, setBusy] = useState(false);
  return (
    <div className="banner banner--sample" role="note" aria-label="Sample data">
      <strong>Sample data</strong> — these clients are fictional.{' '}
      <button
        type="button"
        className="btn btn--small"
        disabled={busy}
        onClick={async () => {
          setBusy(true);
          await send({ type: 'sample.remove' });
          setBusy(false);
        }}
      >
        Remove sample data
      </button>
    </div>
  );
}
