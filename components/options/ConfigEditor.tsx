/**
 * Thresholds, weights, cadence and calendar: an editor over the configuration overrides. The draft
 * is a whole config; Save checks it here (same `resolveConfig` as the background), then sends the
 * complete overrides in `settings.config`. The background's answer decides: its `path: reason`
 * errors are shown beside the fields and nothing is claimed saved unless it replied ok.
 */
import { useCallback, useEffect, useId, useMemo, useRef, useState, type FormEvent, type ReactNode } from 'react';
import type { ConfigError, MetronomeConfig } from '../../engine/config';
import {
  claimedPaths,
  CONFIG_SECTIONS,
  draftFrom,
  editorDefaults,
  errorsAt,
  getAt,
  labelForPath,
  normaliseErrorPath,
  overridesFrom,
  sameJson,
  setAt,
  timeZoneOptions,
  validateDraft,
  WEEKDAYS,
  type ConfigItem,
} from '../../ui/options/configForm';
import { send } from '../../ui/send';
import { BooleanField, FieldErrors, fieldId, GridField, NumberField, NumberInput, type FieldProps } from './ConfigFields';

export interface ConfigEditorProps {
  /** Stored overrides (the `config` setting); `undefined` while loading, `null` when none. */
  stored: unknown;
  browserTimeZone: string;
}

type Status = { kind: 'ok' | 'error'; text: string } | null;

export function ConfigEditor({ stored, browserTimeZone }: ConfigEditorProps) {
  const loading = stored === undefined;
  const initial = useMemo(() => draftFrom(stored ?? {}, browserTimeZone), [stored, browserTimeZone]);
  const [draft, setDraft] = useState<MetronomeConfig>(initial.config);
  const [invalid, setInvalid] = useState<ReadonlySet<string>>(new Set());
  const [errors, setErrors] = useState<ConfigError[]>([]);
  const [status, setStatus] = useState<Status>(null);
  const [saving, setSaving] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  const defaults = useMemo(() => editorDefaults(browserTimeZone), [browserTimeZone]);

  const dirty = !sameJson(overridesFrom(draft), overridesFrom(initial.config));
  const dirtyRef = useRef(dirty);
  dirtyRef.current = dirty;

  // New stored settings (first load, an import, another window): take them unless the user is editing.
  const lastStored = useRef<string | null>(null);
  useEffect(() => {
    if (loading) return;
    const key = JSON.stringify(stored ?? null);
    if (lastStored.current === key) return;
    const first = lastStored.current === null;
    lastStored.current = key;
    if (first || !dirtyRef.current) {
      setDraft(initial.config);
      setInvalid(new Set());
    }
  }, [loading, stored, initial]);

  const onChange = useCallback((path: string, value: unknown) => {
    setDraft((d) => setAt(d, path, value));
    setStatus(null);
  }, []);
  const onInvalid = useCallback((path: string, bad: boolean) => {
    setInvalid((s) => {
      if (s.has(path) === bad) return s;
      const next = new Set(s);
      if (bad) next.add(path);
      else next.delete(path);
      return next;
    });
  }, []);

  const fail = (errs: ConfigError[], text: string) => {
    setErrors(errs);
    setStatus({ kind: 'error', text });
    // Move focus to the summary so keyboard and screen-reader users land on the problems.
    queueMicrotask(() => summaryRef.current?.focus());
  };

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (saving) return;
    if (invalid.size) {
      fail(
        [...invalid].map((path) => ({ path, message: 'enter a number' })),
        `Not saved: ${invalid.size} field${invalid.size === 1 ? ' is' : 's are'} not a number.`,
      );
      return;
    }
    const local = validateDraft(draft);
    if (local.length) {
      fail(local, `Not saved: ${local.length} problem${local.length === 1 ? '' : 's'} to fix.`);
      return;
    }
    setSaving(true);
    setStatus({ kind: 'ok', text: 'Saving…' });
    try {
      const reply = await send({ type: 'settings.config', overrides: overridesFrom(draft) }, { quiet: true });
      if (reply.ok) {
        setErrors([]);
        setStatus({ kind: 'ok', text: 'Saved. Health and due work are recomputed with these settings.' });
      } else {
        const errs = (reply.errors ?? []).map((x) => ({ path: normaliseErrorPath(x.path), message: x.message }));
        fail(errs, notSaved(reply.error || 'Metronome refused these settings'));
      }
    } catch (err) {
      fail([], notSaved(err instanceof Error ? err.message : String(err)));
    } finally {
      setSaving(false);
    }
  };

  const discard = () => {
    setDraft(initial.config);
    setInvalid(new Set());
    setErrors([]);
    setStatus(null);
  };

  const fieldProps: FieldProps = { draft, defaults, errors, onChange, onInvalid };
  const claimed = useMemo(() => claimedPaths(), []);

  if (loading) return <p className="muted">Loading settings…</p>;

  return (
    <form className="config-editor" onSubmit={onSubmit} noValidate aria-label="Thresholds, weights, cadence and calendar">
      {initial.storedErrors.length > 0 && (
        <div className="opt-error" role="alert">
          <p>Your saved settings no longer validate, so Metronome uses the defaults until you save again:</p>
          <ul>
            {initial.storedErrors.map((e, i) => (
              <li key={i}>
                <code>{e.path}</code>: {e.message}
              </li>
            ))}
          </ul>
        </div>
      )}

      <div ref={summaryRef} tabIndex={-1} className="error-summary" hidden={!errors.length}>
        {errors.length > 0 && (
          <>
            <h3>
              Not saved — {errors.length} problem{errors.length === 1 ? '' : 's'}
            </h3>
            <ul>
              {errors.map((e, i) => (
                <li key={i}>
                  {claimed.some((c) => e.path === c || e.path.startsWith(`${c}.`)) ? (
                    <a href={`#${anchorFor(e.path)}`}>{labelForPath(e.path)}</a>
                  ) : (
                    <span>{labelForPath(e.path)}</span>
                  )}{' '}
                  <code className="small">{e.path}</code>: {e.message}
                </li>
              ))}
            </ul>
          </>
        )}
      </div>

      <CalendarEditor {...fieldProps} browserTimeZone={browserTimeZone} fromBrowser={initial.timeZoneFromBrowser} />

      {CONFIG_SECTIONS.map((s) => (
        <fieldset key={s.id} className="config-section" id={`cfg-section-${s.id}`}>
          <legend>{s.title}</legend>
          <p className="muted small">{s.description}</p>
          {s.items.map((item) => (
            <Item key={item.path} item={item} {...fieldProps} invalidPaths={invalid} />
          ))}
          {s.id === 'adoption' && <DmiEditor {...fieldProps} invalidPaths={invalid} />}
        </fieldset>
      ))}

      <div className="save-bar">
        <button type="submit" className="btn btn--primary" disabled={saving}>
          {saving ? 'Saving…' : 'Save settings'}
        </button>
        <button type="button" className="btn" onClick={discard} disabled={saving || !dirty}>
          Discard changes
        </button>
        <span className="muted small">{dirty ? 'Unsaved changes.' : 'No unsaved changes.'}</span>
        <div role={status?.kind === 'error' ? 'alert' : 'status'} className={status?.kind === 'error' ? 'opt-error' : 'opt-ok'}>
          {status?.text ?? ''}
        </div>
      </div>
    </form>
  );
}

/** Always says plainly that nothing was saved, without repeating the background's own words. */
function notSaved(reason: string): string {
  const text = reason.trim().replace(/\.$/, '');
  return /not saved/i.test(text) ? `${text}.` : `Not saved: ${text}.`;
}

/** The element an error links to: the field itself, or its grid's first cell. */
function anchorFor(path: string): string {
  for (const s of CONFIG_SECTIONS)
    for (const i of s.items) {
      if (i.path === path) return fieldId(path);
      if (i.kind === 'grid' && path.startsWith(`${i.path}.`)) {
        const [seg, col] = path.slice(i.path.length + 1).split('.');
        const firstCol = col ?? i.columns[0]?.key;
        return fieldId(firstCol ? `${i.path}.${seg}.${firstCol}` : `${i.path}.${seg}`);
      }
    }
  if (path.startsWith('calendar.')) return fieldId(path.split('.').slice(0, 2).join('.'));
  return fieldId(path);
}

function Item({ item, invalidPaths, ...p }: FieldProps & { item: ConfigItem; invalidPaths: ReadonlySet<string> }) {
  if (item.kind === 'number') return <NumberField item={item} {...p} invalid={invalidPaths.has(item.path)} />;
  if (item.kind === 'boolean') return <BooleanField item={item} {...p} />;
  return <GridField item={item} {...p} invalidPaths={invalidPaths} />;
}

// ---------------------------------------------------------------------------------------------

function ResetButton({ label, show, onClick, def }: { label: string; show: boolean; onClick: () => void; def: string }) {
  if (!show) return null;
  return (
    <button type="button" className="btn btn--small" aria-label={`Reset ${label} to default (${def})`} onClick={onClick}>
      Reset
    </button>
  );
}

function CalendarEditor({ draft, defaults, errors, onChange, browserTimeZone, fromBrowser }: FieldProps & { browserTimeZone: string; fromBrowser: boolean }) {
  const cal = (draft as MetronomeConfig).calendar;
  const def = (defaults as MetronomeConfig).calendar;
  const zones = useMemo(() => timeZoneOptions(cal.timeZone), [cal.timeZone]);
  const [holiday, setHoliday] = useState('');
  const holidayId = useId();
  const err = (p: string) => errorsAt(errors, `calendar.${p}`);
  const days = [...cal.businessDays].sort((a, b) => a - b);
  const toggleDay = (iso: number, on: boolean) =>
    onChange('calendar.businessDays', on ? [...new Set([...days, iso])].sort((a, b) => a - b) : days.filter((d) => d !== iso));
  const addHoliday = () => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(holiday)) return;
    onChange('calendar.holidays', [...new Set([...cal.holidays, holiday])].sort());
    setHoliday('');
  };
  const dayNames = (list: readonly number[]) => list.map((d) => WEEKDAYS.find((w) => w.iso === d)?.label.slice(0, 3)).join(', ');

  return (
    <fieldset className="config-section" id="cfg-section-calendar">
      <legend>Calendar</legend>
      <p className="muted small">Months, “this month”, due-bys and business hours are computed in this time zone.</p>

      <div className={`field${err('timeZone').length ? ' field--invalid' : ''}`}>
        <label htmlFor={fieldId('calendar.timeZone')}>
          <span>Time zone</span>
        </label>
        <div className="field__row">
          <select
            id={fieldId('calendar.timeZone')}
            value={cal.timeZone}
            aria-invalid={err('timeZone').length ? true : undefined}
            onChange={(e) => onChange('calendar.timeZone', e.target.value)}
          >
            {zones.map((z) => (
              <option key={z} value={z}>
                {z}
              </option>
            ))}
          </select>
          <span className="muted small">your browser: {browserTimeZone}</span>
          <ResetButton label="Time zone" def={def.timeZone} show={cal.timeZone !== def.timeZone} onClick={() => onChange('calendar.timeZone', def.timeZone)} />
        </div>
        {fromBrowser && <p className="small warn">Taken from your browser and not saved yet: Save to use it.</p>}
        <FieldErrors id={`${fieldId('calendar.timeZone')}-err`} errors={err('timeZone')} />
      </div>

      <fieldset className={`field${err('businessDays').length ? ' field--invalid' : ''}`} id={fieldId('calendar.businessDays')}>
        <legend>Business days</legend>
        <div className="weekdays">
          {WEEKDAYS.map((w) => (
            <label key={w.iso} className="check">
              <input type="checkbox" checked={days.includes(w.iso)} onChange={(e) => toggleDay(w.iso, e.target.checked)} /> {w.label}
            </label>
          ))}
        </div>
        <span className="muted small">default {dayNames(def.businessDays)}</span>{' '}
        <ResetButton label="Business days" def={dayNames(def.businessDays)} show={!sameJson(days, def.businessDays)} onClick={() => onChange('calendar.businessDays', [...def.businessDays])} />
        <FieldErrors id={`${fieldId('calendar.businessDays')}-err`} errors={err('businessDays')} />
      </fieldset>

      {(['businessHoursStart', 'businessHoursEnd'] as const).map((k) => (
        <div key={k} className={`field${err(k).length ? ' field--invalid' : ''}`}>
          <label htmlFor={fieldId(`calendar.${k}`)}>
            <span>{k === 'businessHoursStart' ? 'Business hours start' : 'Business hours end'}</span>
          </label>
          <div className="field__row">
            <input
              id={fieldId(`calendar.${k}`)}
              type="time"
              value={cal[k]}
              aria-invalid={err(k).length ? true : undefined}
              aria-describedby={err(k).length ? `${fieldId(`calendar.${k}`)}-err` : undefined}
              onChange={(e) => onChange(`calendar.${k}`, e.target.value)}
            />
            <span className="muted small">default {def[k]}</span>
            <ResetButton label={k === 'businessHoursStart' ? 'Business hours start' : 'Business hours end'} def={def[k]} show={cal[k] !== def[k]} onClick={() => onChange(`calendar.${k}`, def[k])} />
          </div>
          <FieldErrors id={`${fieldId(`calendar.${k}`)}-err`} errors={err(k)} />
        </div>
      ))}

      <div className={`field${err('holidays').length ? ' field--invalid' : ''}`} id={fieldId('calendar.holidays')}>
        <label htmlFor={holidayId}>
          <span>Holidays (not business days)</span>
        </label>
        <div className="field__row">
          <input id={holidayId} type="date" value={holiday} onChange={(e) => setHoliday(e.target.value)} />
          <button type="button" className="btn btn--small" onClick={addHoliday} disabled={!holiday}>
            Add holiday
          </button>
        </div>
        {cal.holidays.length === 0 ? (
          <p className="muted small">No holidays.</p>
        ) : (
          <ul className="chips">
            {cal.holidays.map((h) => (
              <li key={h}>
                {h}{' '}
                <button type="button" className="btn btn--small" aria-label={`Remove holiday ${h}`} onClick={() => onChange('calendar.holidays', cal.holidays.filter((x) => x !== h))}>
                  ✕
                </button>
              </li>
            ))}
          </ul>
        )}
        <FieldErrors id={`${fieldId('calendar.holidays')}-err`} errors={err('holidays')} />
      </div>
    </fieldset>
  );
}

/** DMI insight weights (1–5) and the fix-first gates, labelled by insight. */
function DmiEditor({ draft, defaults, errors, onChange, onInvalid, invalidPaths }: FieldProps & { invalidPaths: ReadonlySet<string> }) {
  const adoption = (draft as MetronomeConfig).health.adoption;
  const labelOf = (key: string) => adoption.insights.find((i) => i.key === key)?.label ?? key;
  const row = (path: string, label: string) => {
    const value = getAt(draft, path);
    const def = getAt(defaults, path);
    const mine = errorsAt(errors, path);
    const bad = mine.length > 0 || invalidPaths.has(path);
    const id = fieldId(path);
    return (
      <tr key={path} className={bad ? 'row--invalid' : undefined}>
        <th scope="row">
          <label htmlFor={id}>{label}</label>
        </th>
        <td>
          <NumberInput id={id} path={path} value={value} invalid={bad} describedBy={bad ? `${id}-err` : undefined} onChange={onChange} onInvalid={onInvalid} />
        </td>
        <td className="muted small">default {def === undefined ? '—' : String(def)}</td>
        <td>
          {def !== undefined && value !== def && (
            <button type="button" className="btn btn--small" aria-label={`Reset ${label} to default (${String(def)})`} onClick={() => onChange(path, def)}>
              Reset
            </button>
          )}
          <FieldErrors id={`${id}-err`} errors={mine.length ? mine : invalidPaths.has(path) ? [{ path, message: 'enter a number' }] : []} />
        </td>
      </tr>
    );
  };
  const listErrors = [...errorsAt(errors, 'health.adoption.insights'), ...errorsAt(errors, 'health.adoption.fixFirst')].filter(
    (e) => !/\.(weight|below)$/.test(e.path),
  );
  return (
    <>
      <InsightTable caption="DMI insight weights (1–5)" valueHeader="Weight">
        {adoption.insights.map((ins, i) => row(`health.adoption.insights.${i}.weight`, ins.label))}
      </InsightTable>
      <InsightTable caption="Fix-first gates: coverage strictly below (%)" valueHeader="Below">
        {adoption.fixFirst.map((g, i) => row(`health.adoption.fixFirst.${i}.below`, labelOf(g.insight)))}
      </InsightTable>
      <FieldErrors id="cfg-dmi-err" errors={listErrors} />
    </>
  );
}

/** A per-insight table of numbers: insight, value, default, reset. */
function InsightTable({ caption, valueHeader, children }: { caption: string; valueHeader: string; children: ReactNode }) {
  return (
    <table className="grid">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Insight</th>
          <th scope="col">{valueHeader}</th>
          <th scope="col">Default</th>
          <th scope="col">
            <span className="visually-hidden">Reset</span>
          </th>
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  );
}
