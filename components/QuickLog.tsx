/**
 * Quick logging: meeting (plan one; mark held or missed with attendees, decision-maker/exec flags,
 * end time), pulse 1–5 with "what was missing", complaint with root-cause tag, decision, stakeholder
 * change, exec seen. Each sends one `log` message with a full manual signal; health follows through
 * the live queries once the background has recomputed.
 */
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import {
  COMPLAINT_ROOT_CAUSES,
  DECLINE_REASONS,
  MEETING_TYPES,
  type Attendee,
  type ComplaintRootCause,
  type MeetingSignal,
  type MeetingType,
  type SignalInput,
} from '../engine/signals';
import { fmtDateTime, fromDateInput, fromDateTimeInput, toDateInput, toDateTimeInput } from '../ui/format';
import { notify } from '../ui/notices';
import { send } from '../ui/send';
import { manualBase } from '../ui/signals';

export const LOG_KINDS = ['meeting', 'pulse', 'complaint', 'decision', 'stakeholder', 'exec'] as const;
export type LogKind = (typeof LOG_KINDS)[number];
const LOG_LABELS: Record<LogKind, string> = {
  meeting: 'Meeting',
  pulse: 'Pulse',
  complaint: 'Complaint',
  decision: 'Decision',
  stakeholder: 'Stakeholder change',
  exec: 'Exec seen',
};

export interface QuickLogProps {
  accountId: string;
  tz: string;
  now: Date;
  /** The account's meetings (to mark a planned one held/missed, to attach pulses and decisions). */
  meetings: readonly MeetingSignal[];
  initialKind?: LogKind;
}

async function logSignal(signal: SignalInput, what: string): Promise<boolean> {
  const r = await send({ type: 'log', signal });
  if (r.ok) notify('info', `${what} logged`);
  return r.ok;
}

function Field({ label, htmlFor, children, wide }: { label: string; htmlFor: string; children: ReactNode; wide?: boolean }) {
  return (
    <label className={wide ? 'field field--wide' : 'field'} htmlFor={htmlFor}>
      <span>{label}</span>
      {children}
    </label>
  );
}

export function QuickLog({ accountId, tz, now, meetings, initialKind = 'meeting' }: QuickLogProps) {
  const [kind, setKind] = useState<LogKind>(initialKind);
  const id = useId();
  return (
    <section className="quicklog" aria-label="Quick log">
      <div className="segmented" role="radiogroup" aria-label="What to log">
        {LOG_KINDS.map((k) => (
          <label key={k} className={kind === k ? 'seg seg--on' : 'seg'}>
            <input type="radio" name={`${id}-kind`} value={k} checked={kind === k} onChange={() => setKind(k)} />
            {LOG_LABELS[k]}
          </label>
        ))}
      </div>
      {kind === 'meeting' ? <MeetingForm accountId={accountId} tz={tz} now={now} meetings={meetings} /> : null}
      {kind === 'pulse' ? <PulseForm accountId={accountId} tz={tz} now={now} meetings={meetings} /> : null}
      {kind === 'complaint' ? <ComplaintForm accountId={accountId} tz={tz} now={now} /> : null}
      {kind === 'decision' ? <DecisionForm accountId={accountId} tz={tz} now={now} meetings={meetings} /> : null}
      {kind === 'stakeholder' ? <StakeholderForm accountId={accountId} tz={tz} now={now} /> : null}
      {kind === 'exec' ? <ExecSeenForm accountId={accountId} tz={tz} now={now} /> : null}
    </section>
  );
}

type FormProps = { accountId: string; tz: string; now: Date };

// ---------------------------------------------------------------------------------------------

type MeetingMode = 'plan' | 'held' | 'missed';

export function MeetingForm({ accountId, tz, now, meetings }: FormProps & { meetings: readonly MeetingSignal[] }) {
  const id = useId();
  const planned = meetings.filter((m) => m.status === 'planned').sort((a, b) => (a.plannedFor ?? '').localeCompare(b.plannedFor ?? ''));
  const [mode, setMode] = useState<MeetingMode>('held');
  const [existing, setExisting] = useState('');
  const [type, setType] = useState<MeetingType>('QBR');
  const [start, setStart] = useState(toDateTimeInput(now, tz));
  const [end, setEnd] = useState(toDateTimeInput(new Date(now.getTime() + 3_600_000), tz));
  const [attendees, setAttendees] = useState<Attendee[]>([]);
  const [notes, setNotes] = useState('');
  const [busy, setBusy] = useState(false);

  const pickExisting = (signalId: string) => {
    setExisting(signalId);
    const m = planned.find((p) => p.id === signalId);
    if (m) {
      setType(m.type);
      if (m.plannedFor) setStart(toDateTimeInput(m.plannedFor, tz));
    }
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const startAt = fromDateTimeInput(start, tz);
    if (!startAt) return notify('error', 'Pick the meeting date and time');
    const prior = planned.find((p) => p.id === existing);
    // Marking a planned meeting held/missed updates that same record (same signal and meeting id).
    const base = prior ? { ...manualBase('meeting', accountId, now), id: prior.id } : manualBase('meeting', accountId, now);
    const meetingId = prior?.meetingId ?? base.id;
    let signal: SignalInput;
    if (mode === 'plan') {
      signal = { ...base, kind: 'meeting', meetingId, type, status: 'planned', plannedFor: startAt, attendees: [] };
    } else if (mode === 'missed') {
      signal = { ...base, kind: 'meeting', meetingId, type, status: 'missed', plannedFor: prior?.plannedFor ?? startAt, attendees: [] };
    } else {
      const endAt = fromDateTimeInput(end, tz);
      if (endAt && Date.parse(endAt) < Date.parse(startAt)) return notify('error', 'The meeting cannot end before it starts');
      const named = attendees.filter((a) => a.name.trim()).map((a) => ({ ...a, name: a.name.trim() }));
      signal = {
        ...base,
        kind: 'meeting',
        meetingId,
        type,
        status: 'held',
        ...(prior?.plannedFor ? { plannedFor: prior.plannedFor } : {}),
        heldAt: startAt,
        ...(endAt ? { endedAt: endAt } : {}),
        attendees: named,
        ...(notes.trim() ? { notes: notes.trim() } : {}),
      };
    }
    setBusy(true);
    const ok = await logSignal(signal, mode === 'plan' ? 'Planned meeting' : mode === 'held' ? 'Held meeting' : 'Missed meeting');
    setBusy(false);
    if (ok) {
      setAttendees([]);
      setNotes('');
      setExisting('');
    }
  };

  return (
    <form className="logform" onSubmit={submit} aria-label="Log a meeting">
      <fieldset>
        <legend>Meeting</legend>
        <div className="radios">
          {(['plan', 'held', 'missed'] as const).map((m) => (
            <label key={m}>
              <input type="radio" name={`${id}-mode`} checked={mode === m} onChange={() => setMode(m)} /> {m === 'plan' ? 'Plan one' : m === 'held' ? 'Held' : 'Missed'}
            </label>
          ))}
        </div>
        {mode !== 'plan' && planned.length ? (
          <Field label="Planned meeting" htmlFor={`${id}-existing`} wide>
            <select id={`${id}-existing`} value={existing} onChange={(e) => pickExisting(e.target.value)}>
              <option value="">A meeting not planned in Metronome</option>
              {planned.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.type}, {fmtDateTime(p.plannedFor, tz)}
                </option>
              ))}
            </select>
          </Field>
        ) : null}
        <div className="grid2">
          <Field label="Type" htmlFor={`${id}-type`}>
            <select id={`${id}-type`} value={type} onChange={(e) => setType(e.target.value as MeetingType)}>
              {MEETING_TYPES.map((t) => (
                <option key={t} value={t}>
                  {t}
                </option>
              ))}
            </select>
          </Field>
          <Field label={mode === 'held' ? 'Started' : mode === 'plan' ? 'Date and time' : 'Was planned for'} htmlFor={`${id}-start`}>
            <input id={`${id}-start`} type="datetime-local" required value={start} onChange={(e) => setStart(e.target.value)} />
          </Field>
          {mode === 'held' ? (
            <Field label="Ended" htmlFor={`${id}-end`}>
              <input id={`${id}-end`} type="datetime-local" value={end} onChange={(e) => setEnd(e.target.value)} />
            </Field>
          ) : null}
        </div>
        {mode === 'held' ? (
          <>
            <Attendees value={attendees} onChange={setAttendees} />
            <Field label="Notes" htmlFor={`${id}-notes`} wide>
              <textarea id={`${id}-notes`} value={notes} maxLength={20_000} onChange={(e) => setNotes(e.target.value)} />
            </Field>
          </>
        ) : null}
      </fieldset>
      <button type="submit" className="btn btn--primary" disabled={busy}>
        {mode === 'plan' ? 'Plan meeting' : mode === 'held' ? 'Log held meeting' : 'Log missed meeting'}
      </button>
    </form>
  );
}

function Attendees({ value, onChange }: { value: Attendee[]; onChange: (a: Attendee[]) => void }) {
  const id = useId();
  const set = (i: number, patch: Partial<Attendee>) => onChange(value.map((a, j) => (j === i ? { ...a, ...patch } : a)));
  return (
    <fieldset className="attendees">
      <legend>Attendees (client side)</legend>
      {value.map((a, i) => (
        <div key={i} className="attendee">
          <label htmlFor={`${id}-n${i}`} className="visually-hidden">
            Attendee {i + 1} name
          </label>
          <input id={`${id}-n${i}`} placeholder="Name" value={a.name} onChange={(e) => set(i, { name: e.target.value })} />
          <label>
            <input type="checkbox" checked={a.decisionMaker} onChange={(e) => set(i, { decisionMaker: e.target.checked })} /> decision-maker
          </label>
          <label>
            <input type="checkbox" checked={a.exec} onChange={(e) => set(i, { exec: e.target.checked })} /> exec
          </label>
          <button type="button" className="btn btn--small" aria-label={`Remove attendee ${i + 1}`} onClick={() => onChange(value.filter((_, j) => j !== i))}>
            ✕
          </button>
        </div>
      ))}
      <button type="button" className="btn btn--small" onClick={() => onChange([...value, { name: '', decisionMaker: false, exec: false }])}>
        Add attendee
      </button>
    </fieldset>
  );
}

// ---------------------------------------------------------------------------------------------

export function PulseForm({ accountId, now, tz, meetings }: FormProps & { meetings: readonly MeetingSignal[] }) {
  const id = useId();
  const held = meetings.filter((m) => m.status === 'held').sort((a, b) => (b.heldAt ?? '').localeCompare(a.heldAt ?? ''));
  const [score, setScore] = useState<number | null>(null);
  const [missing, setMissing] = useState('');
  const [meetingId, setMeetingId] = useState(held[0]?.meetingId ?? '');
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (score === null) return notify('error', 'Pick a score from 1 to 5');
    setBusy(true);
    const ok = await logSignal(
      {
        ...manualBase('pulse', accountId, now),
        kind: 'pulse',
        score,
        at: now.toISOString(),
        ...(meetingId ? { meetingId } : {}),
        ...(missing.trim() ? { missing: missing.trim() } : {}),
      },
      'Pulse',
    );
    setBusy(false);
    if (ok) {
      setScore(null);
      setMissing('');
    }
  };
  return (
    <form className="logform" onSubmit={submit} aria-label="Log a pulse">
      <fieldset>
        <legend>Was this meeting valuable? (1–5)</legend>
        <div className="radios">
          {[1, 2, 3, 4, 5].map((n) => (
            <label key={n}>
              <input type="radio" name={`${id}-score`} value={n} checked={score === n} onChange={() => setScore(n)} /> {n}
            </label>
          ))}
        </div>
      </fieldset>
      {held.length ? (
        <Field label="Meeting" htmlFor={`${id}-m`} wide>
          <select id={`${id}-m`} value={meetingId} onChange={(e) => setMeetingId(e.target.value)}>
            <option value="">Not about one meeting</option>
            {held.map((m) => (
              <option key={m.id} value={m.meetingId}>
                {m.type}, {fmtDateTime(m.heldAt, tz)}
              </option>
            ))}
          </select>
        </Field>
      ) : null}
      <Field label="What was missing?" htmlFor={`${id}-missing`} wide>
        <textarea id={`${id}-missing`} value={missing} maxLength={2000} onChange={(e) => setMissing(e.target.value)} />
      </Field>
      <button type="submit" className="btn btn--primary" disabled={busy}>
        Log pulse
      </button>
    </form>
  );
}

export function ComplaintForm({ accountId, tz, now }: FormProps) {
  const id = useId();
  const [rootCause, setRootCause] = useState<ComplaintRootCause>('Follow-through');
  const [summary, setSummary] = useState('');
  const [date, setDate] = useState(toDateInput(now, tz));
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const at = fromDateInput(date, tz, 12) ?? now.toISOString();
    setBusy(true);
    const ok = await logSignal({ ...manualBase('complaint', accountId, now), kind: 'complaint', rootCause, summary: summary.trim(), at }, 'Complaint');
    setBusy(false);
    if (ok) setSummary('');
  };
  return (
    <form className="logform" onSubmit={submit} aria-label="Log a complaint">
      <div className="grid2">
        <Field label="Root cause" htmlFor={`${id}-rc`}>
          <select id={`${id}-rc`} value={rootCause} onChange={(e) => setRootCause(e.target.value as ComplaintRootCause)}>
            {COMPLAINT_ROOT_CAUSES.map((c) => (
              <option key={c}>{c}</option>
            ))}
          </select>
        </Field>
        <Field label="Date" htmlFor={`${id}-d`}>
          <input id={`${id}-d`} type="date" required value={date} onChange={(e) => setDate(e.target.value)} />
        </Field>
      </div>
      <Field label="What did the client say?" htmlFor={`${id}-s`} wide>
        <textarea id={`${id}-s`} required value={summary} maxLength={2000} onChange={(e) => setSummary(e.target.value)} />
      </Field>
      <button type="submit" className="btn btn--primary" disabled={busy}>
        Log complaint
      </button>
    </form>
  );
}

export function DecisionForm({ accountId, tz, now, meetings }: FormProps & { meetings: readonly MeetingSignal[] }) {
  const id = useId();
  const held = meetings.filter((m) => m.status === 'held').sort((a, b) => (b.heldAt ?? '').localeCompare(a.heldAt ?? ''));
  const [title, setTitle] = useState('');
  const [whyNow, setWhyNow] = useState('');
  const [owner, setOwner] = useState('');
  const [dueDate, setDueDate] = useState('');
  const [budget, setBudget] = useState('');
  const [status, setStatus] = useState<'pending' | 'yes' | 'no'>('pending');
  const [declineReason, setDeclineReason] = useState<(typeof DECLINE_REASONS)[number] | ''>('');
  const [meetingId, setMeetingId] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (status === 'no' && !declineReason) return notify('error', 'Pick a decline reason');
    const base = manualBase('decision', accountId, now);
    setBusy(true);
    const ok = await logSignal(
      {
        ...base,
        kind: 'decision',
        decisionId: base.id,
        title: title.trim(),
        proposedAt: now.toISOString(),
        status,
        ...(status !== 'pending' ? { decidedAt: now.toISOString() } : {}),
        ...(status === 'no' && declineReason ? { declineReason } : {}),
        ...(whyNow.trim() ? { whyNow: whyNow.trim() } : {}),
        ...(owner.trim() ? { owner: owner.trim() } : {}),
        ...(dueDate ? { dueDate } : {}),
        ...(budget.trim() ? { budget: budget.trim() } : {}),
        ...(meetingId ? { meetingId } : {}),
      },
      'Decision',
    );
    setBusy(false);
    if (ok) {
      setTitle('');
      setWhyNow('');
      setOwner('');
      setDueDate('');
      setBudget('');
    }
  };
  return (
    <form className="logform" onSubmit={submit} aria-label="Log a decision">
      <Field label="Decision" htmlFor={`${id}-t`} wide>
        <input id={`${id}-t`} required value={title} maxLength={500} onChange={(e) => setTitle(e.target.value)} />
      </Field>
      <Field label="Why now" htmlFor={`${id}-w`} wide>
        <textarea id={`${id}-w`} value={whyNow} maxLength={2000} onChange={(e) => setWhyNow(e.target.value)} />
      </Field>
      <div className="grid2">
        <Field label="Owner" htmlFor={`${id}-o`}>
          <input id={`${id}-o`} value={owner} onChange={(e) => setOwner(e.target.value)} />
        </Field>
        <Field label="Date" htmlFor={`${id}-d`}>
          <input id={`${id}-d`} type="date" value={dueDate} onChange={(e) => setDueDate(e.target.value)} />
        </Field>
        <Field label="Budget" htmlFor={`${id}-b`}>
          <input id={`${id}-b`} placeholder="$12,000 or OpEx 2k/mo" value={budget} onChange={(e) => setBudget(e.target.value)} />
        </Field>
        <Field label="Status" htmlFor={`${id}-s`}>
          <select id={`${id}-s`} value={status} onChange={(e) => setStatus(e.target.value as 'pending' | 'yes' | 'no')}>
            <option value="pending">Pending</option>
            <option value="yes">Yes</option>
            <option value="no">No</option>
          </select>
        </Field>
        {status === 'no' ? (
          <Field label="Decline reason" htmlFor={`${id}-r`}>
            <select id={`${id}-r`} value={declineReason} onChange={(e) => setDeclineReason(e.target.value as (typeof DECLINE_REASONS)[number])}>
              <option value="">Pick one</option>
              {DECLINE_REASONS.map((r) => (
                <option key={r}>{r}</option>
              ))}
            </select>
          </Field>
        ) : null}
        {held.length ? (
          <Field label="Meeting" htmlFor={`${id}-m`}>
            <select id={`${id}-m`} value={meetingId} onChange={(e) => setMeetingId(e.target.value)}>
              <option value="">None</option>
              {held.map((m) => (
                <option key={m.id} value={m.meetingId}>
                  {m.type}, {fmtDateTime(m.heldAt, tz)}
                </option>
              ))}
            </select>
          </Field>
        ) : null}
      </div>
      <p className="muted small">Credit gate: a decision counts only with owner + date + budget.</p>
      <button type="submit" className="btn btn--primary" disabled={busy}>
        Log decision
      </button>
    </form>
  );
}

export function StakeholderForm({ accountId, tz, now }: FormProps) {
  const id = useId();
  const [name, setName] = useState('');
  const [title, setTitle] = useState('');
  const [change, setChange] = useState<'joined' | 'left' | 'role-changed'>('joined');
  const [exec, setExec] = useState(false);
  const [date, setDate] = useState(toDateInput(now, tz));
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    const ok = await logSignal(
      {
        ...manualBase('stakeholderChange', accountId, now),
        kind: 'stakeholderChange',
        name: name.trim(),
        change,
        exec,
        at: fromDateInput(date, tz, 12) ?? now.toISOString(),
        ...(title.trim() ? { title: title.trim() } : {}),
      },
      'Stakeholder change',
    );
    setBusy(false);
    if (ok) {
      setName('');
      setTitle('');
    }
  };
  return (
    <form className="logform" onSubmit={submit} aria-label="Log a stakeholder change">
      <div className="grid2">
        <Field label="Name" htmlFor={`${id}-n`}>
          <input id={`${id}-n`} required value={name} onChange={(e) => setName(e.target.value)} />
        </Field>
        <Field label="Title" htmlFor={`${id}-t`}>
          <input id={`${id}-t`} value={title} onChange={(e) => setTitle(e.target.value)} />
        </Field>
        <Field label="Change" htmlFor={`${id}-c`}>
          <select id={`${id}-c`} value={change} onChange={(e) => setChange(e.target.value as typeof change)}>
            <option value="joined">Joined</option>
            <option value="left">Left</option>
            <option value="role-changed">Role changed</option>
          </select>
        </Field>
        <Field label="Date" htmlFor={`${id}-d`}>
          <input id={`${id}-d`} type="date" required value={date} onChange={(e) => setDate(e.target.value)} />
        </Field>
      </div>
      <label>
        <input type="checkbox" checked={exec} onChange={(e) => setExec(e.target.checked)} /> Executive / sponsor
      </label>
      <button type="submit" className="btn btn--primary" disabled={busy}>
        Log change
      </button>
    </form>
  );
}

export function ExecSeenForm({ accountId, tz, now }: FormProps) {
  const id = useId();
  const [name, setName] = useState('');
  const [date, setDate] = useState(toDateInput(now, tz));
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    const ok = await logSignal(
      { ...manualBase('execSeen', accountId, now), kind: 'execSeen', name: name.trim(), at: fromDateInput(date, tz, 12) ?? now.toISOString() },
      'Exec contact',
    );
    setBusy(false);
    if (ok) setName('');
  };
  return (
    <form className="logform" onSubmit={submit} aria-label="Log exec seen">
      <div className="grid2">
        <Field label="Executive" htmlFor={`${id}-n`}>
          <input id={`${id}-n`} required value={name} onChange={(e) => setName(e.target.value)} />
        </Field>
        <Field label="Date seen" htmlFor={`${id}-d`}>
          <input id={`${id}-d`} type="date" required value={date} max={toDateInput(now, tz)} onChange={(e) => setDate(e.target.value)} />
        </Field>
      </div>
      <button type="submit" className="btn btn--primary" disabled={busy}>
        Log exec seen
      </button>
    </form>
  );
}
