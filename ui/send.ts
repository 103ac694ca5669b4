/**
 * The one way the UI writes: a zod-validated message to the background, whose `Reply` comes back.
 * A message that does not validate is never sent; a failure (invalid, no answer, `ok: false`) is
 * surfaced to the user as a notice and returned as `{ ok: false }` so callers can keep the form open.
 *
 * The protocol's schemas load on the first send, not with the page: the side panel's first render
 * only reads, so it does not pay for them (its one message, `tab.account`, has a hand-written check).
 */
import { browser } from 'wxt/browser';
import type { MessageInput, Reply } from '../messaging/protocol';
import { notify } from './notices';

export interface SendOptions {
  /** Do not raise a notice on failure (the caller shows its own message). */
  quiet?: boolean;
}

export async function send<T = unknown>(message: MessageInput, opts: SendOptions = {}): Promise<Reply<T>> {
  const fail = (error: string, errors?: { path: string; message: string }[]): Reply<T> => {
    if (!opts.quiet) notify('error', errors?.length ? `${error}: ${errors.map((e) => `${e.path} ${e.message}`).join('; ')}` : error);
    return errors ? { ok: false, error, errors } : { ok: false, error };
  };
  let checked: MessageInput;
  if (isTabAccountQuery(message)) checked = message;
  else {
    let Message: Awaited<ReturnType<typeof loadProtocol>>['Message'];
    try {
      ({ Message } = await loadProtocol());
    } catch (e) {
      return fail(`Metronome could not check the message (${e instanceof Error ? e.message : String(e)})`);
    }
    const parsed = Message.safeParse(message);
    if (!parsed.success) {
      return fail(
        'Not saved — check the form',
        // A `log` message's fields sit under `signal.`: show the form's own field names.
        parsed.error.issues.map((i) => ({ path: (i.path[0] === 'signal' ? i.path.slice(1) : i.path).join('.'), message: i.message })),
      );
    }
    checked = parsed.data;
  }
  let reply: unknown;
  try {
    reply = await browser.runtime.sendMessage(checked);
  } catch (e) {
    return fail(`Metronome’s background did not answer (${e instanceof Error ? e.message : String(e)})`);
  }
  if (!isReply(reply)) return fail('Metronome’s background gave no answer');
  if (!reply.ok) return fail(reply.error || 'Failed', reply.errors);
  return reply as Reply<T>;
}

/**
 * `{ type: 'tab.account', tabId }` — the panel's read on open — checked by hand, exactly as its schema
 * (`TabAccountMessage`: strict, integer tab id), so the panel's first read does not wait for zod and
 * the protocol to load. Anything else goes through the schema.
 */
function isTabAccountQuery(m: MessageInput): boolean {
  const keys = Object.keys(m);
  return m.type === 'tab.account' && keys.length === 2 && keys.includes('tabId') && Number.isInteger((m as { tabId?: unknown }).tabId);
}

function isReply(r: unknown): r is Reply {
  return typeof r === 'object' && r !== null && typeof (r as { ok?: unknown }).ok === 'boolean';
}

let protocol: Promise<typeof import('../messaging/protocol')> | undefined;
/** The protocol module, after zod is told not to probe for eval (extension CSP). */
function loadProtocol(): Promise<typeof import('../messaging/protocol')> {
  protocol ??= import('../messaging/zod-setup')
    .then(() => import('../messaging/protocol'))
    .catch((e: unknown) => {
      protocol = undefined; // a failed chunk load may succeed on the next send
      throw e;
    });
  return protocol;
}
