/**
 * What the user does in the side panel: log a signal, act on a CTA, edit an account, record that a
 * recap was sent. Every change recomputes the account so the panel's live queries update at once.
 */
import type { z } from 'zod';
import type { Account, MeetingSignal } from '../../../engine/signals';
import type { AccountCreateMessage, AccountUpdateMessage, CtaActionMessage, LogMessage, RecapSentMessage, Reply } from '../../../messaging/protocol';
import {
  clearSegmentOverride,
  getAccount,
  getCta,
  getSignal,
  ingestSignals,
  logFirstAction,
  markDone,
  reopen,
  setSegmentOverride,
  snooze,
  toggleChecklistStep,
} from '../../../storage';
import { db, recompute, refreshBadges } from '../services';

export async function handleLog(msg: z.infer<typeof LogMessage>): Promise<Reply> {
  const d = db();
  if (!(await getAccount(d, msg.signal.accountId))) return { ok: false, error: `unknown account ${msg.signal.accountId}` };
  const result = await ingestSignals(d, [{ ...msg.signal, updatedAt: new Date().toISOString() }]);
  await recompute([msg.signal.accountId, ...result.touchedAccountIds]);
  return { ok: true, data: result };
}

export async function handleCta(msg: z.infer<typeof CtaActionMessage>): Promise<Reply> {
  const d = db();
  const cta = await getCta(d, msg.ctaId);
  if (!cta) return { ok: false, error: `unknown CTA ${msg.ctaId}` };
  const a = msg.action;
  let updated;
  switch (a.kind) {
    case 'firstAction':
      updated = await logFirstAction(d, cta.id, a.note);
      break;
    case 'checklist': {
      const done = cta.checklistDone.includes(a.stepId);
      updated = done === a.done ? cta : await toggleChecklistStep(d, cta.id, a.stepId);
      break;
    }
    case 'done':
      updated = await markDone(d, cta.id);
      break;
    case 'reopen':
      updated = await reopen(d, cta.id);
      break;
    case 'snooze':
      updated = await snooze(d, cta.id, a.until, a.reason);
      break;
  }
  await refreshBadges([cta.accountId]); // the due count on the account's tabs
  return { ok: true, data: updated };
}

export async function handleAccountUpdate(msg: z.infer<typeof AccountUpdateMessage>): Promise<Reply<Account>> {
  const d = db();
  const account = await getAccount(d, msg.accountId);
  if (!account) return { ok: false, error: `unknown account ${msg.accountId}` };
  const { segmentOverride, ...patch } = msg.patch;
  const next: Account = { ...account, updatedAt: new Date().toISOString() };
  for (const [key, value] of Object.entries(patch) as [keyof typeof patch, unknown][]) {
    if (value === undefined) continue;
    if (value === null) delete (next as Record<string, unknown>)[key];
    else (next as Record<string, unknown>)[key] = value;
  }
  await d.accounts.put(next);
  if (segmentOverride === null) await clearSegmentOverride(d, account.id);
  else if (segmentOverride) await setSegmentOverride(d, account.id, segmentOverride.segment, segmentOverride.rationale, 'user');
  await recompute([account.id]);
  return { ok: true, data: (await getAccount(d, account.id))! };
}

export async function handleAccountCreate(msg: z.infer<typeof AccountCreateMessage>): Promise<Reply<Account>> {
  const d = db();
  if (await getAccount(d, msg.account.id)) return { ok: false, error: `account ${msg.account.id} exists` };
  await d.accounts.put(msg.account);
  await recompute([msg.account.id]);
  return { ok: true, data: msg.account };
}

/** The recap time is when the user copied, inserted or mailed it (DECISIONS §6). First send wins. */
export async function handleRecapSent(msg: z.infer<typeof RecapSentMessage>): Promise<Reply<MeetingSignal>> {
  const d = db();
  const meeting = (await d.signals.where('accountId').equals(msg.accountId).filter((s) => s.kind === 'meeting' && s.meetingId === msg.meetingId).first()) as
    | MeetingSignal
    | undefined;
  if (!meeting) return { ok: false, error: `no meeting ${msg.meetingId} on this account` };
  if (meeting.recapSentAt) return { ok: true, data: meeting };
  const updated: MeetingSignal = { ...meeting, recapSentAt: msg.at, observedAt: new Date().toISOString() };
  await ingestSignals(d, [updated]);
  await recompute([msg.accountId]);
  return { ok: true, data: (await getSignal(d, meeting.id)) as MeetingSignal };
}
