/**
 * Teach-mode mappings (per host and page type, with the sample value each field was taught on) and
 * the recent page-drift log. Reads come straight from IndexedDB; Delete and Clear are messages.
 */
import { useState } from 'react';
import type { MappingRow } from '../../engine/bundle';
import type { DriftEvent } from '../../storage/records';
import { fmtDateTime } from '../../ui/format';
import { send } from '../../ui/send';

export interface TeachSectionProps {
  /** `undefined` while loading. */
  mappings: MappingRow[] | undefined;
  drift: DriftEvent[] | undefined;
  timeZone: string;
}

/** A taught field's sample value (`{ selector, sample, label? }`), or a short text of whatever it is. */
export function fieldSample(value: unknown): string {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const o = value as Record<string, unknown>;
    if (typeof o.sample === 'string') return o.sample || '(empty)';
    if (typeof o.label === 'string') return o.label;
  }
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}

export function TeachSection({ mappings, drift, timeZone }: TeachSectionProps) {
  const [status, setStatus] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);

  const remove = async (m: MappingRow) => {
    const reply = await send({ type: 'mapping.delete', host: m.host, pageType: m.pageType }, { quiet: true });
    setStatus(reply.ok ? { kind: 'ok', text: `Mapping for ${m.host} (${m.pageType}) deleted.` } : { kind: 'error', text: `Not deleted: ${reply.error}` });
  };
  const clear = async () => {
    const reply = await send({ type: 'drift.clear' }, { quiet: true });
    setStatus(reply.ok ? { kind: 'ok', text: 'Drift log cleared.' } : { kind: 'error', text: `Not cleared: ${reply.error}` });
  };

  return (
    <section aria-labelledby="teach-title" className="opt-section">
      <h2 id="teach-title">Teach mode and page changes</h2>
      <p className="opt-lead">
        On a page no reader knows, you showed Metronome where the company, ticket number, dates… are. Those mappings apply on that
        site from then on.
      </p>
      <div role={status?.kind === 'error' ? 'alert' : 'status'} className={status?.kind === 'error' ? 'opt-error' : 'opt-ok'}>
        {status?.text ?? ''}
      </div>

      <h3 id="mappings-title">Taught pages</h3>
      {mappings === undefined ? (
        <p className="muted">Loading…</p>
      ) : mappings.length === 0 ? (
        <p className="muted">No taught pages.</p>
      ) : (
        <div className="table-wrap">
          <table className="list" aria-labelledby="mappings-title">
            <thead>
              <tr>
                <th scope="col">Site</th>
                <th scope="col">Page type</th>
                <th scope="col">Fields (sample value)</th>
                <th scope="col">Taught</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {mappings.map((m) => (
                <tr key={m.id}>
                  <td>
                    <code>{m.host}</code>
                  </td>
                  <td>{m.pageType}</td>
                  <td>
                    <ul className="plain">
                      {Object.entries(m.fields).map(([name, v]) => (
                        <li key={name}>
                          <span className="muted">{name}:</span> {fieldSample(v)}
                        </li>
                      ))}
                    </ul>
                  </td>
                  <td>{fmtDateTime(m.updatedAt, timeZone)}</td>
                  <td>
                    <button type="button" className="btn btn--small" aria-label={`Delete the mapping for ${m.host}, ${m.pageType} pages`} onClick={() => void remove(m)}>
                      Delete
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <h3 id="drift-title">Recent page changes (drift)</h3>
      <p className="small muted">
        A known PSA page that stopped matching what Metronome expects: nothing was read from it, so no number is stale or wrong.
      </p>
      {drift === undefined ? (
        <p className="muted">Loading…</p>
      ) : drift.length === 0 ? (
        <p className="muted">No page changes detected.</p>
      ) : (
        <>
          <div className="table-wrap">
            <table className="list" aria-labelledby="drift-title">
              <thead>
                <tr>
                  <th scope="col">Site</th>
                  <th scope="col">Reader</th>
                  <th scope="col">Page type</th>
                  <th scope="col">When</th>
                  <th scope="col">Missing fields</th>
                </tr>
              </thead>
              <tbody>
                {drift.map((d) => (
                  <tr key={d.id}>
                    <td>
                      <code>{d.host}</code>
                    </td>
                    <td>{d.adapter}</td>
                    <td>{d.pageType}</td>
                    <td>{fmtDateTime(d.at, timeZone)}</td>
                    <td>{d.missing.join(', ') || '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="actions">
            <button type="button" className="btn" onClick={() => void clear()}>
              Clear the drift log
            </button>
          </div>
        </>
      )}
    </section>
  );
}
