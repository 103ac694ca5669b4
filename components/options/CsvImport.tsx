/**
 * A dropped PSA ticket export (CSV): which PSA's columns were recognised, a column mapping for
 * unknown headers, the date order when the file does not prove it, a preview of the first rows and
 * every row's problems. All-or-nothing: Apply stays disabled while any problem remains, then sends
 * the parsed observations in `import.csv` (the background validates them again and stores them in
 * one transaction).
 */
import { useDeferredValue, useEffect, useId, useMemo, useState } from 'react';
import { DEFAULT_IMPORT_HOST, FIELD_LABELS, parseTicketCsv, REQUIRED_FIELDS, TICKET_FIELDS, type ColumnMapping, type TicketField } from '../../import/csv';
import { columnsVerdict, csvBlockers, formatCsvError, importHost, PREVIEW_ROWS, previewRows, yesNo } from '../../ui/options/files';
import { fmtDateTime } from '../../ui/format';
import { send } from '../../ui/send';
import { ErrorList } from './BundleImport';

export interface CsvFile {
  fileName: string;
  text: string;
}

export interface SavedMapping {
  mapping: ColumnMapping;
  dateOrder?: 'MDY' | 'DMY';
}

export interface CsvImportProps {
  file: CsvFile;
  timeZone: string;
  /** Import time (the observations' `observedAt`); fixed per file so the preview is stable. */
  now: Date;
  /** A mapping the user saved earlier for the same headers (`import/saved-mappings.ts`). */
  loadSavedMapping?: (headers: string[]) => Promise<SavedMapping | undefined>;
  onClose: () => void;
}

export function CsvImport({ file, timeZone, now, loadSavedMapping, onClose }: CsvImportProps) {
  const id = useId();
  const [mapping, setMapping] = useState<ColumnMapping>({});
  const [dateOrder, setDateOrder] = useState<'' | 'MDY' | 'DMY'>('');
  const [hostText, setHostText] = useState('');
  const host = useDeferredValue(hostText);
  const [editMapping, setEditMapping] = useState(false);
  const [savedNote, setSavedNote] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ kind: 'ok' | 'error'; text: string; errors?: string[] } | null>(null);

  const hostCheck = importHost(host);
  const result = useMemo(
    () =>
      parseTicketCsv(file.text, {
        timeZone,
        now,
        ...(hostCheck.ok && hostCheck.host ? { host: hostCheck.host } : {}),
        mapping,
        ...(dateOrder ? { dateOrder } : {}),
      }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [file.text, timeZone, now, hostCheck.ok ? hostCheck.host : '', mapping, dateOrder],
  );

  // "Map the columns once": offer the mapping saved for these headers.
  const headersKey = result.headers.join('\u0000');
  useEffect(() => {
    if (!loadSavedMapping || !result.needsMapping) return;
    let live = true;
    void loadSavedMapping(result.headers).then((saved) => {
      if (!live || !saved) return;
      setMapping(saved.mapping);
      if (saved.dateOrder) setDateOrder(saved.dateOrder);
      setSavedNote('Using the column mapping you chose last time for these columns.');
    });
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [headersKey, loadSavedMapping]);

  const blockers = [...csvBlockers(result), ...(hostCheck.ok ? [] : [`PSA host: ${hostCheck.reason}`])];
  const canApply = blockers.length === 0 && !busy && !outcome?.kind.startsWith('ok');
  const showMapping = result.needsMapping || editMapping || result.format === 'mapped';
  const showDateOrder = result.needsDateOrder || dateOrder !== '' || !!result.dateOrder;
  const rows = previewRows(result, PREVIEW_ROWS);
  const blockersId = `${id}-blockers`;

  const setField = (f: TicketField, column: string) => {
    // Start from what is in use, so changing one field keeps the others.
    const next: ColumnMapping = { ...result.mapping, ...mapping };
    if (column) next[f] = column;
    else delete next[f];
    setMapping(next);
    setOutcome(null);
  };

  const apply = async () => {
    if (blockers.length || !result.format) return;
    setBusy(true);
    setOutcome(null);
    const reply = await send(
      {
        type: 'import.csv',
        observations: result.observations,
        source: {
          fileName: file.fileName.slice(0, 500),
          format: result.format,
          host: (hostCheck.ok && hostCheck.host) || DEFAULT_IMPORT_HOST,
          headers: result.headers,
          mapping: Object.fromEntries(Object.entries(result.mapping).filter(([, v]) => !!v)) as Record<string, string>,
          ...(result.dateOrder ? { dateOrder: result.dateOrder } : {}),
        },
      },
      { quiet: true },
    );
    setBusy(false);
    if (reply.ok) setOutcome({ kind: 'ok', text: `Imported ${result.observations.length} ticket${result.observations.length === 1 ? '' : 's'} from ${file.fileName}.` });
    else
      setOutcome({
        kind: 'error',
        text: reply.error || 'The tickets were not imported; nothing changed.',
        errors: (reply.errors ?? []).map((e) => {
          // `observations.<i>.…` → the spreadsheet row of that observation.
          const m = /^observations\.(\d+)\.?(.*)$/.exec(e.path);
          const row = m ? result.observationRows[Number(m[1])] : undefined;
          return row ? `Row ${row}${m![2] ? ` (${m![2]})` : ''}: ${e.message}` : `${e.path}: ${e.message}`;
        }),
      });
  };

  return (
    <section className="import-preview" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>
        Ticket export: <span className="filename">{file.fileName}</span>
      </h3>
      <p className={result.format ? 'opt-ok' : 'warn'}>
        {result.format ? '✓ ' : '⚠ '}
        {columnsVerdict(result)} {result.rows} row{result.rows === 1 ? '' : 's'}.
      </p>
      {savedNote && <p className="small muted">{savedNote}</p>}

      <div className="field">
        <label htmlFor={`${id}-host`}>
          <span>PSA host these tickets come from (optional)</span>
        </label>
        <input
          id={`${id}-host`}
          type="text"
          spellCheck={false}
          placeholder="acme.myconnectwise.net"
          value={hostText}
          aria-invalid={hostCheck.ok ? undefined : true}
          aria-describedby={`${id}-host-hint`}
          onChange={(e) => {
            setHostText(e.target.value);
            setOutcome(null);
          }}
        />
        <p id={`${id}-host-hint`} className="small muted">
          With the host, an imported ticket and the same ticket read later on its PSA page are one record.
          {!hostCheck.ok && <span className="opt-error"> ✕ {hostCheck.reason}</span>}
        </p>
      </div>

      {!showMapping && result.format && (
        <button type="button" className="linklike" onClick={() => setEditMapping(true)}>
          Change the column mapping
        </button>
      )}
      {showMapping && result.headers.length > 0 && (
        <fieldset className="csv-mapping">
          <legend>Which column holds each field</legend>
          <div className="mapping-grid">
            {TICKET_FIELDS.map((f) => {
              const required = REQUIRED_FIELDS.includes(f);
              const value = mapping[f] ?? result.mapping[f] ?? '';
              const missing = required && !value;
              return (
                <div key={f} className={`field${missing ? ' field--invalid' : ''}`}>
                  <label htmlFor={`${id}-map-${f}`}>
                    <span>
                      {FIELD_LABELS[f]}
                      {required ? ' (required)' : ''}
                    </span>
                  </label>
                  <select
                    id={`${id}-map-${f}`}
                    value={value}
                    aria-required={required || undefined}
                    aria-invalid={missing || undefined}
                    onChange={(e) => setField(f, e.target.value)}
                  >
                    <option value="">{required ? '— choose a column —' : '— not in this file —'}</option>
                    {result.headers.map((h) => (
                      <option key={h} value={h}>
                        {h}
                      </option>
                    ))}
                  </select>
                </div>
              );
            })}
          </div>
        </fieldset>
      )}

      {showDateOrder && (
        <div className={`field${result.needsDateOrder ? ' field--invalid' : ''}`}>
          <label htmlFor={`${id}-order`}>
            <span>Date order</span>
          </label>
          <select
            id={`${id}-order`}
            value={dateOrder}
            aria-invalid={result.needsDateOrder || undefined}
            onChange={(e) => {
              setDateOrder(e.target.value as '' | 'MDY' | 'DMY');
              setOutcome(null);
            }}
          >
            <option value="">{result.dateOrder && !dateOrder ? `Detected from the file (${result.dateOrder === 'MDY' ? 'month/day' : 'day/month'})` : 'Detect from the file'}</option>
            <option value="MDY">Month/day (US: 11/05/2026 = 5 November)</option>
            <option value="DMY">Day/month (EU: 11/05/2026 = 11 May)</option>
          </select>
        </div>
      )}

      {rows.length > 0 && (
        <div className="table-wrap" tabIndex={0} role="region" aria-label={`Preview of the first ${rows.length} rows`}>
          <table className="preview">
            <caption>
              First {rows.length} of {result.rows} rows, as Metronome reads them ({timeZone})
            </caption>
            <thead>
              <tr>
                <th scope="col">Row</th>
                <th scope="col">Ticket</th>
                <th scope="col">Company</th>
                <th scope="col">Opened</th>
                <th scope="col">Closed</th>
                <th scope="col">Status</th>
                <th scope="col">Priority</th>
                <th scope="col">SLA response / resolution</th>
                <th scope="col">Problems</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.row} className={r.errors.length ? 'row--invalid' : undefined}>
                  <th scope="row">{r.row}</th>
                  <td>{r.ticket?.ticketId ?? ''}</td>
                  <td>{r.ticket?.companyName ?? ''}</td>
                  <td>{r.ticket ? fmtDateTime(r.ticket.openedAt, timeZone) : ''}</td>
                  <td>{r.ticket?.closedAt ? fmtDateTime(r.ticket.closedAt, timeZone) : ''}</td>
                  <td>{r.ticket?.status ?? ''}</td>
                  <td>{r.ticket?.priority ?? ''}</td>
                  <td>{r.ticket?.sla ? `${yesNo(r.ticket.sla.responseMet) || '?'} / ${yesNo(r.ticket.sla.resolutionMet) || '?'}${r.ticket.sla.excluded ? ' (excluded)' : ''}` : ''}</td>
                  <td>{r.errors.length ? `✕ ${r.errors.map((e) => (e.column ? `${e.column}: ${e.message}` : e.message)).join('; ')}` : r.ticket ? '✓' : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {result.errors.length > 0 && (
        <div className="csv-errors">
          <h4>
            {result.errors.length} problem{result.errors.length === 1 ? '' : 's'}
          </h4>
          <ErrorList errors={result.errors.map(formatCsvError)} />
        </div>
      )}
      {result.warnings.length > 0 && (
        <details className="small">
          <summary>{result.warnings.length} note{result.warnings.length === 1 ? '' : 's'}</summary>
          <ErrorList errors={result.warnings} />
        </details>
      )}

      {blockers.length > 0 && (
        <ul id={blockersId} className="blockers">
          {blockers.map((b, i) => (
            <li key={i}>{b}</li>
          ))}
        </ul>
      )}
      <div className="actions">
        <button type="button" className="btn btn--primary" disabled={!canApply} aria-describedby={blockers.length ? blockersId : undefined} onClick={() => void apply()}>
          {busy ? 'Importing…' : `Apply: import ${result.observations.length} ticket${result.observations.length === 1 ? '' : 's'}`}
        </button>
        <button type="button" className="btn" onClick={onClose} disabled={busy}>
          {outcome?.kind === 'ok' ? 'Close' : 'Cancel'}
        </button>
      </div>
      <div role={outcome?.kind === 'error' ? 'alert' : 'status'} className={outcome?.kind === 'error' ? 'opt-error' : 'opt-ok'}>
        {outcome && <p>{outcome.text}</p>}
        {outcome?.errors && outcome.errors.length > 0 && <ErrorList errors={outcome.errors} />}
      </div>
    </section>
  );
}
