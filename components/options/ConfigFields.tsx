/**
 * Controls of the configuration editor: a number with its default and "reset", a per-segment grid,
 * a checkbox. Each shows the `path: reason` errors that belong to it, beside it.
 */
import { useEffect, useId, useState } from 'react';
import type { ConfigError } from '../../engine/config';
import { errorsAt, errorsExactly, getAt, parseNumberInput, SEGMENTS, type BooleanItem, type GridItem, type NumberItem } from '../../ui/options/configForm';

/** The DOM id of the control for a config path (error summary links point here). */
export const fieldId = (path: string): string => `cfg-${path.replace(/[^a-zA-Z0-9_-]/g, '-')}`;

export interface FieldProps {
  draft: unknown;
  defaults: unknown;
  errors: readonly ConfigError[];
  onChange: (path: string, value: unknown) => void;
  onInvalid: (path: string, invalid: boolean) => void;
}

const fmt = (v: unknown): string => (v === undefined || v === null ? '—' : String(v));

export function FieldErrors({ id, errors }: { id: string; errors: readonly ConfigError[] }) {
  if (!errors.length) return null;
  return (
    <ul id={id} className="field-errors">
      {errors.map((e, i) => (
        <li key={i}>✕ {e.message}</li>
      ))}
    </ul>
  );
}

/** A number input keeping the typed text until it is a number (so "4." or "" can be typed). */
export function NumberInput({
  id,
  value,
  path,
  ariaLabel,
  describedBy,
  invalid,
  onChange,
  onInvalid,
}: {
  id: string;
  value: unknown;
  path: string;
  ariaLabel?: string;
  describedBy?: string;
  invalid: boolean;
  onChange: (path: string, value: unknown) => void;
  onInvalid: (path: string, invalid: boolean) => void;
}) {
  const [text, setText] = useState(fmtInput(value));
  const [bad, setBad] = useState(false);
  // A reset or a reload from storage changes the value from outside: show it.
  useEffect(() => {
    if (parseNumberInput(text) !== value) {
      setText(fmtInput(value));
      setBad(false);
      onInvalid(path, false);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [value]);
  return (
    <input
      id={id}
      type="number"
      step="any"
      inputMode="decimal"
      className="num"
      value={text}
      aria-label={ariaLabel}
      aria-invalid={invalid || bad ? true : undefined}
      aria-describedby={describedBy}
      onChange={(e) => {
        const t = e.target.value;
        setText(t);
        const n = parseNumberInput(t);
        setBad(n === undefined);
        onInvalid(path, n === undefined);
        if (n !== undefined) onChange(path, n);
      }}
    />
  );
}

const fmtInput = (v: unknown): string => (typeof v === 'number' ? String(v) : '');

export function NumberField({ item, draft, defaults, errors, onChange, onInvalid, invalid }: FieldProps & { item: NumberItem; invalid: boolean }) {
  const id = fieldId(item.path);
  const value = getAt(draft, item.path);
  const def = getAt(defaults, item.path);
  const mine = errorsAt(errors, item.path);
  const hintId = `${id}-hint`;
  const errId = `${id}-err`;
  const changed = value !== def;
  return (
    <div className={`field${mine.length || invalid ? ' field--invalid' : ''}`}>
      <label htmlFor={id}>
        <span>{item.label}</span>
        {item.unit && <span className="unit"> ({item.unit})</span>}
      </label>
      <div className="field__row">
        <NumberInput
          id={id}
          path={item.path}
          value={value}
          invalid={mine.length > 0 || invalid}
          describedBy={[hintId, mine.length || invalid ? errId : ''].filter(Boolean).join(' ')}
          onChange={onChange}
          onInvalid={onInvalid}
        />
        <span id={hintId} className="muted small">
          default {fmt(def)}
          {changed ? ' · changed' : ''}
        </span>
        {changed && (
          <button type="button" className="btn btn--small" aria-label={`Reset ${item.label} to default (${fmt(def)})`} onClick={() => onChange(item.path, def)}>
            Reset
          </button>
        )}
      </div>
      <FieldErrors id={errId} errors={invalid && !mine.length ? [{ path: item.path, message: 'enter a number' }] : mine} />
    </div>
  );
}

export function BooleanField({ item, draft, defaults, errors, onChange }: FieldProps & { item: BooleanItem }) {
  const id = fieldId(item.path);
  const value = getAt(draft, item.path) === true;
  const def = getAt(defaults, item.path) === true;
  const mine = errorsAt(errors, item.path);
  return (
    <div className={`field${mine.length ? ' field--invalid' : ''}`}>
      <label htmlFor={id} className="check">
        <input
          id={id}
          type="checkbox"
          checked={value}
          aria-describedby={mine.length ? `${id}-err` : undefined}
          onChange={(e) => onChange(item.path, e.target.checked)}
        />{' '}
        <span>{item.label}</span>
      </label>
      <span className="muted small"> default {def ? 'on' : 'off'}</span>
      {value !== def && (
        <button type="button" className="btn btn--small" aria-label={`Reset ${item.label} to default (${def ? 'on' : 'off'})`} onClick={() => onChange(item.path, def)}>
          Reset
        </button>
      )}
      <FieldErrors id={`${id}-err`} errors={mine} />
    </div>
  );
}

/** Rows A–D × columns; each cell a number with its default in the hint and a reset when changed. */
export function GridField({ item, draft, defaults, errors, onChange, onInvalid, invalidPaths }: FieldProps & { item: GridItem; invalidPaths: ReadonlySet<string> }) {
  const captionId = useId();
  const cols = item.columns.length ? item.columns : [{ key: '', label: item.unit ? `${item.unit}` : 'value' }];
  const mine = errorsAt(errors, item.path);
  const cellPath = (s: string, c: string) => (c ? `${item.path}.${s}.${c}` : `${item.path}.${s}`);
  const typed = [...invalidPaths].filter((p) => p.startsWith(`${item.path}.`));
  const listed: ConfigError[] = [
    ...mine.map((e) => ({ ...e, message: `${gridWhere(item, e.path)}${e.message}` })),
    ...typed.map((p) => ({ path: p, message: `${gridWhere(item, p)}enter a number` })),
  ];
  const errId = `${fieldId(item.path)}-err`;
  return (
    <div className={`field field--grid${listed.length ? ' field--invalid' : ''}`}>
      <table className="grid" aria-describedby={listed.length ? errId : undefined}>
        <caption id={captionId}>
          {item.label}
          {item.unit && item.columns.length ? ` (${item.unit})` : ''}
        </caption>
        <thead>
          <tr>
            <th scope="col">Segment</th>
            {cols.map((c) => (
              <th scope="col" key={c.key}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {SEGMENTS.map((s) => {
            const rowErrors = errorsExactly(errors, `${item.path}.${s}`).length > 0;
            return (
              <tr key={s}>
                <th scope="row">{s}</th>
                {cols.map((c) => {
                  const p = cellPath(s, c.key);
                  const value = getAt(draft, p);
                  const def = getAt(defaults, p);
                  const cellLabel = `${item.label}, segment ${s}${c.key ? `, ${c.label}` : ''}`;
                  const bad = rowErrors || errorsAt(errors, p).length > 0 || invalidPaths.has(p);
                  return (
                    <td key={c.key} className={bad ? 'cell--invalid' : value !== def ? 'cell--changed' : undefined}>
                      <NumberInput
                        id={fieldId(p)}
                        path={p}
                        value={value}
                        ariaLabel={`${cellLabel} (default ${fmt(def)})`}
                        invalid={bad}
                        describedBy={bad ? errId : undefined}
                        onChange={onChange}
                        onInvalid={onInvalid}
                      />
                      {value !== def && (
                        <button type="button" className="btn btn--small reset-cell" aria-label={`Reset ${cellLabel} to default (${fmt(def)})`} title={`Default ${fmt(def)}`} onClick={() => onChange(p, def)}>
                          ↺
                        </button>
                      )}
                    </td>
                  );
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
      <FieldErrors id={errId} errors={listed} />
    </div>
  );
}

function gridWhere(item: GridItem, path: string): string {
  const [s, c] = path.slice(item.path.length + 1).split('.');
  const col = c ? item.columns.find((x) => x.key === c)?.label ?? c : '';
  return s ? `Segment ${s}${col ? `, ${col}` : ''}: ` : '';
}
