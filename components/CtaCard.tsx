/**
 * One due trigger (CTA): trigger, why, owner (or "unassigned"), due-by, the 72 h first-action
 * clock, the play checklist, lifecycle actions (first action with a note, tick steps, done, snooze
 * with reason and date, reopen) and drafts (invite text + .ics, email body) with copy buttons.
 * Metronome never sends anything: it drafts for a person to send.
 */
import { memo, useId, useState, type FormEvent } from 'react';
import { ROLE_LABELS } from '../engine/vocabulary';
import type { Cta, CtaOwner } from '../engine/model';
import { firstActionClock } from '../ui/buckets';
import { copyPlain } from '../ui/clipboard';
import { daysUntil, fmtDate, fmtDateTime, fromDateInput, relDays, toDateInput } from '../ui/format';
import { notify } from '../ui/notices';
import { send } from '../ui/send';

function Owner({ owner, label }: { owner: CtaOwner; label: string }) {
  return (
    <span>
      {label}: {ROLE_LABELS[owner.role]}{' '}
      {owner.unassigned || !owner.name ? (
        <strong className="unassigned">
          <span aria-hidden="true">⚠</span> unassigned
        </strong>
      ) : (
        <strong>{owner.name}</strong>
      )}
    </span>
  );
}

export interface CtaCardProps {
  cta: Cta;
  now: Date;
  tz: string;
  accountName?: string;
  /** Collapsed to one summary until opened (long all-accounts lists stay light). */
  compact?: boolean;
}

type Panel = null | 'first' | 'snooze' | 'draft';

export const CtaCard = memo(function CtaCard({ cta, now, tz, accountName, compact = false }: CtaCardProps) {
  const [expanded, setExpanded] = useState(!compact);
  if (!expanded) return <CtaSummary cta={cta} now={now} tz={tz} accountName={accountName} onOpen={() => setExpanded(true)} />;
  return <CtaFull cta={cta} now={now} tz={tz} accountName={accountName} />;
});

function CtaSummary({ cta, now, tz, accountName, onOpen }: CtaCardProps & { onOpen: () => void }) {
  const dueDays = daysUntil(cta.dueBy, now, tz);
  const clock = firstActionClock(cta, now);
  return (
    <article className={`cta cta--compact${dueDays < 0 ? ' cta--overdue' : ''}`}>
      <button type="button" className="cta__summary" aria-expanded={false} onClick={onOpen}>
        <span className="cta__title">{cta.title}</span>
        {accountName ? <span className="cta__account"> {accountName}</span> : null}
        <span className="cta__meta">
          {' '}
          · {cta.owner.name ?? `${ROLE_LABELS[cta.owner.role]} unassigned`} · due {fmtDate(cta.dueBy, tz)} ({dueDays < 0 ? `overdue ${-dueDays} days` : relDays(dueDays)})
          {clock.state === 'late' ? ' · first action late' : ''}
        </span>
      </button>
    </article>
  );
}

function CtaFull({ cta, now, tz, accountName }: CtaCardProps) {
  const id = useId();
  const [panel, setPanel] = useState<Panel>(null);
  const [note, setNote] = useState('');
  const [snoozeDate, setSnoozeDate] = useState(() => toDateInput(new Date(now.getTime() + 7 * 86_400_000), tz));
  const [snoozeReason, setSnoozeReason] = useState('');
  const [busy, setBusy] = useState(false);
  const clock = firstActionClock(cta, now);
  const dueDays = daysUntil(cta.dueBy, now, tz);
  const closed = cta.status === 'done' || cta.status === 'dismissed' || (cta.status === 'snoozed' && cta.snoozedUntil && Date.parse(cta.snoozedUntil) > now.getTime());

  const act = async (action: Parameters<typeof ctaMessage>[1]) => {
    setBusy(true);
    const r = await send(ctaMessage(cta.id, action));
    setBusy(false);
    return r.ok;
  };

  const submitFirst = async (e: FormEvent) => {
    e.preventDefault();
    if (await act({ kind: 'firstAction', note: note.trim() })) {
      setPanel(null);
      setNote('');
    }
  };
  const submitSnooze = async (e: FormEvent) => {
    e.preventDefault();
    const until = fromDateInput(snoozeDate, tz);
    if (!until) return notify('error', 'Pick the date to snooze until');
    if (snoozeReason.trim().length < 3) return notify('error', 'Say why you snooze it');
    if (await act({ kind: 'snooze', until, reason: snoozeReason.trim() })) setPanel(null);
  };

  const titleId = `${id}-title`;
  return (
    <article className={`cta cta--${cta.status}${dueDays < 0 && !closed ? ' cta--overdue' : ''}`} aria-labelledby={titleId}>
      <header className="cta__head">
        <h4 id={titleId}>{cta.title}</h4>
        {cta.severity ? <span className={`tag tag--sev-${cta.severity}`}>{cta.severity} severity</span> : null}
        {cta.status !== 'open' ? <span className="tag">{cta.status}</span> : null}
      </header>
      {accountName ? <p className="cta__account">{accountName}</p> : null}
      <p className="cta__why">{cta.why}</p>
      <p className="cta__meta">
        <span className="muted">Trigger {cta.trigger}</span>
        <br />
        <Owner owner={cta.owner} label="Owner" />
        {cta.accountable ? (
          <>
            {' · '}
            <Owner owner={cta.accountable} label="Accountable" />
          </>
        ) : null}
        <br />
        Due by <strong>{fmtDate(cta.dueBy, tz)}</strong> ({dueDays < 0 ? `overdue ${-dueDays} days` : relDays(dueDays)})
        {cta.acknowledgeBy ? <> · acknowledge by {fmtDateTime(cta.acknowledgeBy, tz)}</> : null}
        <br />
        <span className={`clock clock--${clock.state}`}>
          {clock.label}
          {cta.firstActionAt ? ` ${fmtDateTime(cta.firstActionAt, tz)}` : ` (by ${fmtDateTime(cta.firstActionDue, tz)})`}
        </span>
        {cta.firstActionNote ? <span className="muted"> — “{cta.firstActionNote}”</span> : null}
        {cta.status === 'snoozed' && cta.snoozedUntil ? (
          <>
            <br />
            Snoozed until {fmtDate(cta.snoozedUntil, tz)}: {cta.snoozeReason}
          </>
        ) : null}
      </p>

      {cta.checklist.length ? (
        <fieldset className="checklist">
          <legend>Play checklist</legend>
          {cta.checklist.map((s) => {
            const done = cta.checklistDone.includes(s.id);
            return (
              <label key={s.id} className="check">
                <input type="checkbox" checked={done} disabled={busy} onChange={() => void act({ kind: 'checklist', stepId: s.id, done: !done })} /> {s.text}
              </label>
            );
          })}
        </fieldset>
      ) : null}

      <div className="actions" role="group" aria-label={`Actions for ${cta.title}`}>
        {closed ? (
          <button type="button" className="btn" disabled={busy} onClick={() => void act({ kind: 'reopen' })}>
            Reopen
          </button>
        ) : (
          <>
            {!cta.firstActionAt ? (
              <button type="button" className="btn" aria-expanded={panel === 'first'} onClick={() => setPanel(panel === 'first' ? null : 'first')}>
                Log first action
              </button>
            ) : null}
            <button type="button" className="btn btn--primary" disabled={busy} onClick={() => void act({ kind: 'done' })}>
              Done
            </button>
            <button type="button" className="btn" aria-expanded={panel === 'snooze'} onClick={() => setPanel(panel === 'snooze' ? null : 'snooze')}>
              Snooze
            </button>
          </>
        )}
        {cta.draft ? (
          <button type="button" className="btn" aria-expanded={panel === 'draft'} onClick={() => setPanel(panel === 'draft' ? null : 'draft')}>
            {cta.draft.kind === 'invite' ? 'Invite draft' : cta.draft.kind === 'email' ? 'Email draft' : 'Note draft'}
          </button>
        ) : null}
      </div>

      {panel === 'first' ? (
        <form className="subform" onSubmit={submitFirst}>
          <label htmlFor={`${id}-note`}>What did you do?</label>
          <textarea id={`${id}-note`} value={note} maxLength={2000} onChange={(e) => setNote(e.target.value)} />
          <button type="submit" className="btn btn--primary" disabled={busy}>
            Save first action
          </button>
        </form>
      ) : null}

      {panel === 'snooze' ? (
        <form className="subform" onSubmit={submitSnooze}>
          <label htmlFor={`${id}-until`}>Snooze until</label>
          <input id={`${id}-until`} type="date" required value={snoozeDate} min={toDateInput(now, tz)} onChange={(e) => setSnoozeDate(e.target.value)} />
          <label htmlFor={`${id}-reason`}>Reason (required)</label>
          <input id={`${id}-reason`} required minLength={3} value={snoozeReason} onChange={(e) => setSnoozeReason(e.target.value)} />
          <button type="submit" className="btn btn--primary" disabled={busy}>
            Snooze
          </button>
        </form>
      ) : null}

      {panel === 'draft' && cta.draft ? <DraftView cta={cta} /> : null}
    </article>
  );
}

function DraftView({ cta }: { cta: Cta }) {
  const d = cta.draft!;
  const text = `${d.subject}\n\n${d.body}`;
  const copy = async (t: string) => {
    if (await copyPlain(t)) notify('info', 'Copied');
    else notify('error', 'Copy failed: your browser blocked the clipboard');
  };
  return (
    <div className="draft">
      <p>
        <strong>{d.subject}</strong>
      </p>
      <pre className="draft__body">{d.body}</pre>
      <div className="actions">
        <button type="button" className="btn" onClick={() => void copy(text)}>
          Copy {d.kind === 'invite' ? 'invite text' : d.kind === 'email' ? 'email' : 'note'}
        </button>
        {d.kind === 'invite' && d.meeting ? (
          <button
            type="button"
            className="btn"
            onClick={() => {
              // The ics library loads on first use: it is not needed to show the CTA list.
              void import('../ui/ics').then(({ buildIcs, downloadText }) => {
                const r = buildIcs(d, { uid: `${cta.id}@metronome` });
                if (r.ok) downloadText(r.filename, r.text);
                else notify('error', r.error);
              });
            }}
          >
            Download .ics
          </button>
        ) : null}
      </div>
      <p className="muted small">Metronome does not send this: review it and send it yourself.</p>
    </div>
  );
}

type CtaAction =
  | { kind: 'firstAction'; note: string }
  | { kind: 'checklist'; stepId: string; done: boolean }
  | { kind: 'done' }
  | { kind: 'reopen' }
  | { kind: 'snooze'; until: string; reason: string };

export function ctaMessage(ctaId: string, action: CtaAction) {
  return { type: 'cta' as const, ctaId, action };
}
