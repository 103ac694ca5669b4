/**
 * Recap composer (DECISIONS §6, seed §8.4–§8.9) for a held strategic meeting: the template
 * "What we decided / Why now / Owner & date / Risks / Next cadence", the 2-line "We heard / We
 * changed", at most two decisions (a third becomes an "other action") with their credit-gate
 * status, and a live countdown to the 48 h deadline. Prefilled from the account; "Use this page"
 * pulls the current tab's main text into the notes and offers action lines as candidates.
 * Output: rich text + plain text copy, mailto draft, insert into the PSA note field — each records
 * the recap time (`recap.sent`). Variants: Save Plan (at risk), We heard / We'll change note.
 */
import { useEffect, useId, useMemo, useState } from 'react';
import type { Cta, MonthlySnapshot } from '../engine/model';
import {
  isStrategicType,
  type Account,
  type ComplaintSignal,
  type DecisionSignal,
  type MeetingSignal,
  type PulseSignal,
  type SignalInput,
} from '../engine/signals';
import { parseActionLines, type ActionCandidate } from '../recap/actions';
import { composeRecap, creditGate, creditGateLabel, mailtoHref, savePlanWarnings, splitDecisions } from '../recap/compose';
import { RECAP_DEFAULTS, type RecapConfig } from '../recap/config';
import { recapCountdown } from '../recap/deadline';
import { emptyItem, emptyPlanAction, RECAP_VARIANT_LABELS, RECAP_VARIANTS, type PlanAction, type RecapDraft, type RecapItem, type RecapVariant } from '../recap/draft';
import { dateOrderForLocale, meetingDay } from '../recap/dueDate';
import { meetingLabel, prefillDraft } from '../recap/prefill';
import type { HealthRow } from '../storage/records';
import { copyPlain, copyRich } from '../ui/clipboard';
import { useAutosavedDraft } from '../ui/drafts';
import { healthDelta, healthDeltaLines } from '../ui/healthDelta';
import { notify } from '../ui/notices';
import { send } from '../ui/send';
import { MANUAL_SOURCE } from '../ui/signals';
import { draftKey } from '../ui/storageLocal';

export interface RecapComposerProps {
  account: Account;
  health: HealthRow | null;
  meetings: readonly MeetingSignal[];
  decisions: readonly DecisionSignal[];
  pulses: readonly PulseSignal[];
  complaints: readonly ComplaintSignal[];
  ctas: readonly Cta[];
  snapshots: readonly MonthlySnapshot[];
  tz: string;
  now: Date;
  /** The active tab (for "Use this page" and "Insert into the PSA note field"). */
  tabId: number | null;
  config?: RecapConfig;
  locale?: string;
}

const MAX_MEETINGS = 12;

export function heldStrategicMeetings(meetings: readonly MeetingSignal[]): MeetingSignal[] {
  return meetings
    .filter((m) => m.status === 'held' && m.heldAt && isStrategicType(m.type) && !m.deletedAt)
    .sort((a, b) => (b.heldAt ?? '').localeCompare(a.heldAt ?? ''))
    .slice(0, MAX_MEETINGS);
}

export function RecapComposer(props: RecapComposerProps) {
  const { account, health, meetings, tz, now } = props;
  const id = useId();
  const held = useMemo(() => heldStrategicMeetings(meetings), [meetings]);
  const [variant, setVariant] = useState<RecapVariant>('recap');
  const [meetingSignalId, setMeetingSignalId] = useState<string>(() => (held.find((m) => !m.recapSentAt) ?? held[0])?.id ?? '');
  useEffect(() => {
    if (!meetingSignalId && held[0]) setMeetingSignalId((held.find((m) => !m.recapSentAt) ?? held[0]).id);
  }, [held, meetingSignalId]);
  const meeting = held.find((m) => m.id === meetingSignalId) ?? null;

  if (variant === 'recap' && !meeting) {
    return (
      <section className="composer" aria-label="Recap composer">
        <VariantPicker id={id} variant={variant} onChange={setVariant} atRisk={!!health?.atRisk.flag} />
        <p className="nodata" role="status">
          No held strategic meeting for {account.name} yet. Log one under “Log → Meeting → Held” and its recap starts here.
        </p>
      </section>
    );
  }
  return (
    <section className="composer" aria-label="Recap composer">
      <VariantPicker id={id} variant={variant} onChange={setVariant} atRisk={!!health?.atRisk.flag} />
      {held.length ? (
        <label className="field field--wide" htmlFor={`${id}-meeting`}>
          <span>Meeting</span>
          <select id={`${id}-meeting`} value={meetingSignalId} onChange={(e) => setMeetingSignalId(e.target.value)}>
            {variant !== 'recap' ? <option value="">No meeting</option> : null}
            {held.map((m) => (
              <option key={m.id} value={m.id}>
                {meetingLabel(m, tz)}
                {m.recapSentAt ? ' — recap sent' : ''}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      {/* key: a different meeting or variant is a different draft */}
      <ComposerBody key={`${meetingSignalId}:${variant}`} {...props} meeting={variant === 'recap' || meetingSignalId ? meeting : null} variant={variant} />
    </section>
  );
}

function VariantPicker({ id, variant, onChange, atRisk }: { id: string; variant: RecapVariant; onChange: (v: RecapVariant) => void; atRisk: boolean }) {
  return (
    <div className="segmented" role="radiogroup" aria-label="Kind of recap">
      {RECAP_VARIANTS.map((v) => (
        <label key={v} className={variant === v ? 'seg seg--on' : 'seg'}>
          <input type="radio" name={`${id}-variant`} checked={variant === v} onChange={() => onChange(v)} />
          {RECAP_VARIANT_LABELS[v]}
          {v === 'savePlan' && atRisk ? <span className="tag tag--risk">at risk</span> : null}
        </label>
      ))}
    </div>
  );
}

function ComposerBody(props: RecapComposerProps & { meeting: MeetingSignal | null; variant: RecapVariant }) {
  const { account, health, meeting, variant, decisions, ctas, snapshots, pulses, complaints, tz, now, tabId } = props;
  const cfg = props.config ?? RECAP_DEFAULTS;
  const id = useId();

  const initial = () => {
    // Δ since the strategic meeting before this one.
    const previous = heldStrategicMeetings(props.meetings).find((m) => meeting && (m.heldAt ?? '') < (meeting.heldAt ?? ''));
    const lines = health ? healthDeltaLines(health, healthDelta(health, snapshots, previous?.heldAt ?? null, tz)) : [];
    const negatives = [...pulses.filter((p) => p.score < 4), ...complaints].sort((a, b) => b.at.localeCompare(a.at));
    return prefillDraft({
      variant,
      accountName: account.name,
      meeting,
      decisions,
      ctas,
      healthLines: lines,
      nextCadenceAt: health?.nextStrategicMeetingDue ?? null,
      atRiskReasons: health?.atRisk.reasons ?? [],
      negative: negatives[0] ?? null,
      timeZone: tz,
      now,
    });
  };
  const [draft, update, { restored, reset }] = useAutosavedDraft(draftKey(account.id, meeting?.meetingId ?? null, variant), initial);

  const countdown = meeting ? recapCountdown(meeting, now, tz, cfg) : null;
  const composed = useMemo(() => (draft ? composeRecap(draft, { config: cfg }) : null), [draft, cfg]);

  if (!draft || !composed) return <p role="status">Loading draft…</p>;

  const set = <K extends keyof RecapDraft>(k: K, v: RecapDraft[K]) => update((d) => ({ ...d, [k]: v }));

  /** Any output records the recap time — once: a later copy does not move it. */
  const recordSent = async () => {
    if (!meeting || meeting.recapSentAt || variant === 'weHeard') return;
    await send({ type: 'recap.sent', accountId: account.id, meetingId: meeting.meetingId, at: new Date().toISOString() });
  };

  const copyRichText = async () => {
    if (await copyRich(composed.html, composed.plain)) {
      notify('info', 'Recap copied as rich text');
      await recordSent();
    } else notify('error', 'Copy failed: your browser blocked the clipboard');
  };
  const copyPlainText = async () => {
    if (await copyPlain(composed.plain)) {
      notify('info', 'Recap copied as plain text');
      await recordSent();
    } else notify('error', 'Copy failed: your browser blocked the clipboard');
  };
  const insertNote = async () => {
    if (tabId === null) return notify('error', 'No PSA tab is active');
    const r = await send({ type: 'page.insertNote', tabId, text: composed.plain });
    if (r.ok) {
      notify('info', 'Recap inserted into the PSA note field — review and save it there');
      await recordSent();
    }
  };

  return (
    <div className="composer__body">
      {countdown ? (
        <p className={`countdown countdown--${countdown.state}`} role="timer" aria-live="off">
          <strong>{countdown.label}</strong>
          {countdown.deadlineLabel ? <span className="muted"> · due {countdown.deadlineLabel}</span> : null}
        </p>
      ) : null}
      {restored ? (
        <p className="muted small">
          Restored your saved draft.{' '}
          <button type="button" className="linklike" onClick={reset}>
            Start again from the account
          </button>
        </p>
      ) : null}

      {variant === 'recap' ? <RecapFields id={id} draft={draft} set={set} update={update} maxDecisions={cfg.maxDecisions} /> : null}
      {variant === 'savePlan' ? <SavePlanFields id={id} draft={draft} set={set} cfg={cfg} /> : null}
      {variant === 'weHeard' ? <WeHeardFields id={id} draft={draft} set={set} /> : null}

      <Notes id={id} draft={draft} set={set} update={update} tabId={tabId} meeting={meeting} tz={tz} now={now} locale={props.locale} />

      <details className="preview">
        <summary>Preview</summary>
        <pre className="preview__text">{composed.plain}</pre>
      </details>

      <div className="actions" role="group" aria-label="Send the recap">
        <button type="button" className="btn btn--primary" onClick={() => void copyRichText()}>
          Copy rich text
        </button>
        <button type="button" className="btn" onClick={() => void copyPlainText()}>
          Copy plain text
        </button>
        <a className="btn" href={mailtoHref(composed)} onClick={() => void recordSent()}>
          Email draft
        </a>
        <button type="button" className="btn" disabled={tabId === null} onClick={() => void insertNote()}>
          Insert into PSA note
        </button>
        {variant === 'recap' && meeting ? <LogDecisionsButton draft={draft} update={update} account={account} meeting={meeting} maxDecisions={cfg.maxDecisions} known={decisions} /> : null}
      </div>
      {meeting?.recapSentAt ? <p className="muted small">Recap recorded as sent {new Date(meeting.recapSentAt).toLocaleString()}.</p> : null}
    </div>
  );
}

type Setter = <K extends keyof RecapDraft>(k: K, v: RecapDraft[K]) => void;
type Updater = (fn: (d: RecapDraft) => RecapDraft) => void;

function Text({ id, label, value, onChange, rows = 2, hint }: { id: string; label: string; value: string; onChange: (v: string) => void; rows?: number; hint?: string }) {
  return (
    <label className="field field--wide" htmlFor={id}>
      <span>
        {label}
        {hint ? <span className="muted small"> {hint}</span> : null}
      </span>
      <textarea id={id} rows={rows} value={value} onChange={(e) => onChange(e.target.value)} />
    </label>
  );
}

function RecapFields({ id, draft, set, update, maxDecisions }: { id: string; draft: RecapDraft; set: Setter; update: Updater; maxDecisions: number }) {
  const { decisions } = splitDecisions(draft.items, maxDecisions);
  const setItem = (itemId: string, patch: Partial<RecapItem>) =>
    update((d) => ({ ...d, items: d.items.map((i) => (i.id === itemId ? { ...i, ...patch } : i)) }));
  const named = draft.items.filter((i) => i.title.trim());
  return (
    <>
      <fieldset>
        <legend>We heard / We changed</legend>
        <Text id={`${id}-heard`} label="We heard" value={draft.weHeard} onChange={(v) => set('weHeard', v)} rows={1} />
        <Text id={`${id}-changed`} label="We changed" value={draft.weChanged} onChange={(v) => set('weChanged', v)} rows={1} />
      </fieldset>
      <fieldset>
        <legend>
          What we decided <span className="muted small">(max {maxDecisions}; more become other actions)</span>
        </legend>
        {draft.items.map((item) => {
          const index = named.indexOf(item);
          const isDecision = index >= 0 && index < maxDecisions;
          return (
            <ItemEditor
              key={item.id}
              item={item}
              role={item.title.trim() === '' ? 'new' : isDecision ? 'decision' : 'other'}
              number={index + 1}
              onChange={(p) => setItem(item.id, p)}
              onRemove={() => update((d) => ({ ...d, items: d.items.filter((i) => i.id !== item.id) }))}
            />
          );
        })}
        <button type="button" className="btn btn--small" onClick={() => update((d) => ({ ...d, items: [...d.items, emptyItem()] }))}>
          Add {decisions.length < maxDecisions ? 'decision' : 'other action'}
        </button>
      </fieldset>
      <Text id={`${id}-risks`} label="Risks" value={draft.risks} onChange={(v) => set('risks', v)} />
      <Text id={`${id}-health`} label="Health since our last meeting" value={draft.healthSinceLast} onChange={(v) => set('healthSinceLast', v)} rows={5} hint="(prefilled; edit or clear)" />
      <Text id={`${id}-open`} label="Open items" value={draft.openItems} onChange={(v) => set('openItems', v)} rows={3} hint="(open decisions and CTAs)" />
      <label className="field" htmlFor={`${id}-next`}>
        <span>Next cadence</span>
        <input id={`${id}-next`} type="date" value={draft.nextCadence} onChange={(e) => set('nextCadence', e.target.value)} />
      </label>
    </>
  );
}

function ItemEditor({ item, role, number, onChange, onRemove }: { item: RecapItem; role: 'decision' | 'other' | 'new'; number: number; onChange: (p: Partial<RecapItem>) => void; onRemove: () => void }) {
  const id = useId();
  const gate = creditGate(item);
  const heading = role === 'decision' ? `Decision ${number}` : role === 'other' ? 'Other action (over the decision limit)' : 'New item';
  const input = (key: keyof RecapItem, label: string, type = 'text') => (
    <label className="field" htmlFor={`${id}-${key}`}>
      <span>{label}</span>
      <input id={`${id}-${key}`} type={type} value={(item[key] as string) ?? ''} onChange={(e) => onChange({ [key]: e.target.value })} />
    </label>
  );
  return (
    <div className={`item item--${role}`} role="group" aria-label={heading}>
      <div className="item__head">
        <strong>{heading}</strong>
        {role === 'decision' ? (
          <span className={gate.passes ? 'gate gate--ok' : 'gate gate--missing'}>
            <span aria-hidden="true">{gate.passes ? '✓' : '✗'}</span> {creditGateLabel(gate)}
          </span>
        ) : null}
        <button type="button" className="btn btn--small" onClick={onRemove} aria-label={`Remove ${item.title || heading}`}>
          Remove
        </button>
      </div>
      {input('title', role === 'other' ? 'Action' : 'Decision')}
      {role !== 'other' ? (
        <>
          {input('whyThis', 'Why this')}
          {input('whyNow', 'Why now')}
          {input('impact', 'Impact')}
        </>
      ) : null}
      <div className="grid3">
        {input('owner', 'Owner')}
        {input('dueDate', 'Date', 'date')}
        {input('budget', 'Budget')}
      </div>
    </div>
  );
}

function PlanList({ title, actions, onChange }: { title: string; actions: PlanAction[]; onChange: (a: PlanAction[]) => void }) {
  const id = useId();
  const setA = (i: number, p: Partial<PlanAction>) => onChange(actions.map((a, j) => (j === i ? { ...a, ...p } : a)));
  return (
    <fieldset>
      <legend>{title}</legend>
      {actions.map((a, i) => (
        <div key={a.id} className="item" role="group" aria-label={`${title} action ${i + 1}`}>
          <label className="field field--wide" htmlFor={`${id}-${i}-t`}>
            <span>Action</span>
            <input id={`${id}-${i}-t`} value={a.text} onChange={(e) => setA(i, { text: e.target.value })} />
          </label>
          <div className="grid3">
            <label className="field" htmlFor={`${id}-${i}-o`}>
              <span>Owner</span>
              <input id={`${id}-${i}-o`} value={a.owner} onChange={(e) => setA(i, { owner: e.target.value })} />
            </label>
            <label className="field" htmlFor={`${id}-${i}-d`}>
              <span>Date</span>
              <input id={`${id}-${i}-d`} type="date" value={a.dueDate} onChange={(e) => setA(i, { dueDate: e.target.value })} />
            </label>
            <label className="field" htmlFor={`${id}-${i}-b`}>
              <span>Budget</span>
              <input id={`${id}-${i}-b`} value={a.budget} onChange={(e) => setA(i, { budget: e.target.value })} />
            </label>
          </div>
          <button type="button" className="btn btn--small" onClick={() => onChange(actions.filter((_, j) => j !== i))}>
            Remove
          </button>
        </div>
      ))}
      <button type="button" className="btn btn--small" onClick={() => onChange([...actions, emptyPlanAction()])}>
        Add action
      </button>
    </fieldset>
  );
}

function SavePlanFields({ id, draft, set, cfg }: { id: string; draft: RecapDraft; set: Setter; cfg: RecapConfig }) {
  const warnings = savePlanWarnings(draft, { config: cfg });
  return (
    <>
      <PlanList title={`H1 Containment (0–${cfg.savePlanContainmentDays} days)`} actions={draft.containment} onChange={(a) => set('containment', a)} />
      <PlanList title={`H2 Correction (${cfg.savePlanContainmentDays + 1}–${cfg.savePlanCorrectionDays} days)`} actions={draft.correction} onChange={(a) => set('correction', a)} />
      <Text id={`${id}-assume`} label="Risks, assumptions and dependencies" value={draft.assumptions} onChange={(v) => set('assumptions', v)} rows={4} />
      <div className="grid2">
        <label className="field" htmlFor={`${id}-ver`}>
          <span>Version</span>
          <input id={`${id}-ver`} value={draft.version} onChange={(e) => set('version', e.target.value)} />
        </label>
        <label className="field" htmlFor={`${id}-vnote`}>
          <span>Version note</span>
          <input id={`${id}-vnote`} value={draft.versionNote} onChange={(e) => set('versionNote', e.target.value)} />
        </label>
      </div>
      {warnings.length ? (
        <ul className="warnings" aria-label="Save Plan checks">
          {warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      ) : null}
    </>
  );
}

function WeHeardFields({ id, draft, set }: { id: string; draft: RecapDraft; set: Setter }) {
  return (
    <fieldset>
      <legend>We heard X / We’ll change Y / You’ll see Z by &lt;date&gt;</legend>
      <Text id={`${id}-x`} label="We heard" value={draft.weHeard} onChange={(v) => set('weHeard', v)} rows={1} />
      <Text id={`${id}-y`} label="We’ll change" value={draft.weWillChange} onChange={(v) => set('weWillChange', v)} rows={1} />
      <Text id={`${id}-z`} label="You’ll see" value={draft.youWillSee} onChange={(v) => set('youWillSee', v)} rows={1} />
      <label className="field" htmlFor={`${id}-by`}>
        <span>By</span>
        <input id={`${id}-by`} type="date" value={draft.byDate} onChange={(e) => set('byDate', e.target.value)} />
      </label>
    </fieldset>
  );
}

function Notes({
  id,
  draft,
  set,
  update,
  tabId,
  meeting,
  tz,
  now,
  locale,
}: {
  id: string;
  draft: RecapDraft;
  set: Setter;
  update: Updater;
  tabId: number | null;
  meeting: MeetingSignal | null;
  tz: string;
  now: Date;
  locale?: string;
}) {
  const [busy, setBusy] = useState(false);
  const order = dateOrderForLocale(locale ?? (typeof navigator !== 'undefined' ? navigator.language : undefined));
  const candidates = useMemo(
    () => (draft.notes.trim() ? parseActionLines(draft.notes, { ref: meetingDay(meeting?.heldAt ?? now, tz), order }) : []),
    [draft.notes, meeting?.heldAt, tz, order, now],
  );
  const usePage = async () => {
    if (tabId === null) return notify('error', 'No tab is active');
    setBusy(true);
    const r = await send<{ text?: unknown; title?: unknown }>({ type: 'page.mainText', tabId });
    setBusy(false);
    if (!r.ok) return;
    const text = typeof r.data?.text === 'string' ? r.data.text.slice(0, 200_000) : '';
    if (!text.trim()) return notify('error', 'This page has no readable text');
    set('notes', draft.notes.trim() ? `${draft.notes}\n\n${text}` : text);
  };
  const adopt = (c: ActionCandidate) =>
    update((d) => ({
      ...d,
      items: [...d.items.filter((i) => i.title.trim()), emptyItem({ title: c.title, owner: c.owner ?? '', dueDate: c.dueDate ?? '', budget: c.budget ?? '' })],
    }));
  return (
    <fieldset className="notes">
      <legend>Notes (not sent)</legend>
      <div className="actions">
        <button type="button" className="btn" disabled={busy || tabId === null} onClick={() => void usePage()}>
          Use this page
        </button>
      </div>
      <label htmlFor={`${id}-notes`} className="visually-hidden">
        Notes
      </label>
      <textarea id={`${id}-notes`} rows={5} value={draft.notes} onChange={(e) => set('notes', e.target.value)} placeholder="Paste meeting notes, or use the page you are on" />
      {candidates.length ? (
        <div className="candidates">
          <h4>Found in the notes</h4>
          <ul>
            {candidates.map((c, i) => (
              <li key={`${i}-${c.title}`}>
                <span className="tag">{c.kind}</span> {c.title}
                <span className="muted">
                  {' '}
                  — {c.owner ?? 'no owner'}, {c.dueDate ?? 'no date'}
                  {c.dateText ? ` (“${c.dateText}”)` : ''}
                  {c.budget ? `, ${c.budget}` : ''}
                </span>{' '}
                <button type="button" className="btn btn--small" onClick={() => adopt(c)} aria-label={`Add “${c.title}” to the recap`}>
                  Add
                </button>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </fieldset>
  );
}

/** Save the recap's decisions (≤ max) and other actions to the decision log, attached to the meeting. */
function LogDecisionsButton({
  draft,
  update,
  account,
  meeting,
  maxDecisions,
  known,
}: {
  draft: RecapDraft;
  update: Updater;
  account: Account;
  meeting: MeetingSignal;
  maxDecisions: number;
  /** The decision log: items prefilled from it keep their status; new ones were decided in the meeting. */
  known: readonly DecisionSignal[];
}) {
  const [busy, setBusy] = useState(false);
  const { decisions, otherActions } = splitDecisions(draft.items, maxDecisions);
  const total = decisions.length + otherActions.length;
  if (!total) return null;
  const save = async () => {
    setBusy(true);
    const decidedAt = meeting.endedAt ?? meeting.heldAt ?? new Date().toISOString();
    const ids = new Map<string, string>();
    let ok = 0;
    for (const [i, item] of [...decisions, ...otherActions].entries()) {
      const decisionId = item.decisionId ?? `decision:recap:${meeting.meetingId}:${item.id}`;
      const prior = known.find((d) => d.decisionId === item.decisionId);
      const signal: SignalInput = {
        id: decisionId,
        accountId: account.id,
        observedAt: new Date().toISOString(),
        source: MANUAL_SOURCE,
        kind: 'decision',
        decisionId,
        meetingId: meeting.meetingId,
        title: item.title.trim(),
        proposedAt: prior?.proposedAt ?? meeting.heldAt ?? decidedAt,
        status: prior?.status ?? 'yes',
        ...(prior?.status === 'pending' ? {} : { decidedAt: prior?.decidedAt ?? decidedAt }),
        ...(prior?.declineReason ? { declineReason: prior.declineReason } : {}),
        ...(item.whyNow.trim() ? { whyNow: item.whyNow.trim() } : {}),
        ...(item.impact.trim() ? { impact: item.impact.trim() } : {}),
        ...(item.owner.trim() ? { owner: item.owner.trim() } : {}),
        ...(/^\d{4}-\d{2}-\d{2}$/.test(item.dueDate) ? { dueDate: item.dueDate } : {}),
        ...(item.budget.trim() ? { budget: item.budget.trim() } : {}),
        ...(i >= maxDecisions ? { otherAction: true } : {}),
      };
      const r = await send({ type: 'log', signal });
      if (r.ok) {
        ok += 1;
        ids.set(item.id, decisionId);
      }
    }
    setBusy(false);
    update((d) => ({ ...d, items: d.items.map((it) => (ids.has(it.id) ? { ...it, decisionId: ids.get(it.id) } : it)) }));
    if (ok === total) notify('info', `Saved ${decisions.length} decision(s)${otherActions.length ? ` and ${otherActions.length} other action(s)` : ''} to the decision log`);
  };
  return (
    <button type="button" className="btn" disabled={busy} onClick={() => void save()}>
      Save to decision log ({decisions.length}
      {otherActions.length ? ` + ${otherActions.length} other` : ''})
    </button>
  );
}
