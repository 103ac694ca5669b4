/**
 * Action and decision candidates in meeting notes or page text ("Use this page"). Recognised lines:
 *
 *   Sam Lee will roll out MFA to finance by Friday          → action, owner Sam Lee, date
 *   Priya to send the renewal quote by 12/04/2026            → action
 *   Action: renew firewall licences — Priya, 15.12.2026     → action, owner Priya, date
 *   Decision: approve EDR rollout — Dana, Dec 15, $12,000    → decision (budget parsed)
 *
 * "X will … by <date>" needs a date that parses (prose such as "The server will reboot" is not an
 * action). Pure: text in, candidates out; nothing here touches the page.
 */
import { parseDueDate, type DateOrder } from './dueDate';

export interface ActionCandidate {
  kind: 'action' | 'decision';
  /** What is to be done / what was decided. */
  title: string;
  owner: string | null;
  /** Calendar date `yyyy-MM-dd`, or null when none parsed. */
  dueDate: string | null;
  /** The date as written ("Friday", "12/04"), so the UI can show what it was read from. */
  dateText: string | null;
  budget: string | null;
  /** The source line (trimmed, bullet removed), shown as text. */
  line: string;
}

export interface ParseActionsOptions {
  /** Meeting day from `meetingDay()`: relative dates ("by Friday") count from it. */
  ref: Date;
  order?: DateOrder;
  /** Cap on candidates returned (page text can be long). */
  limit?: number;
}

const MAX_LINE = 400;
const PREFIX_RE = /^(action(?:\s+item)?|ai|next\s+step|to-?do|follow[- ]up|decision|decided|agreed)\s*[:：]\s*(.+)$/i;
const DECISION_PREFIXES = /^(decision|decided|agreed)$/i;
const NAME_TOKEN = "[A-Z\\u00C0-\\u024F][\\p{L}'’.-]*";
const WILL_RE = new RegExp(
  `^(?<owner>(?:${NAME_TOKEN})(?:\\s+(?:${NAME_TOKEN}|van|de|von|da|di|le))*|we|i)\\s+(?:will|to|shall|is\\s+going\\s+to|are\\s+going\\s+to)\\s+(?<what>.+?)\\s+(?:by|before|no\\s+later\\s+than)\\s+(?<date>[^,;()]+?)[.;!]?$`,
  'u',
);
const NOT_OWNERS = new Set(['it', 'this', 'that', 'there', 'the', 'they', 'he', 'she', 'you', 'which', 'who', 'what', 'everyone', 'nobody']);
const BUDGET_RE = /(?:budget\s*[:=]?\s*)?((?:[$€£]\s?\d[\d,.]*\s?(?:k|m)?(?:\s*\/\s*(?:mo|month|yr|year))?)|(?:\d[\d,.]*\s?(?:k|m)?\s?(?:usd|eur|gbp|aud|cad)))/i;
const BULLET_RE = /^(?:[-*•·▪◦>]+|\d{1,2}[.)]|\[[ xX]?\])\s+/;

function clean(line: string): string {
  let l = line.replace(/\s+/g, ' ').trim();
  for (let i = 0; i < 3 && BULLET_RE.test(l); i++) l = l.replace(BULLET_RE, '').trim();
  return l;
}

function ownerFrom(raw: string): string | null | undefined {
  const o = raw.trim();
  const lower = o.toLowerCase();
  if (lower === 'we' || lower === 'i') return null; // an action, but the owner is for the user to name
  const first = lower.split(/\s+/)[0] ?? '';
  if (NOT_OWNERS.has(first)) return undefined; // not an action line at all
  if (o.split(/\s+/).length > 4) return undefined;
  return o;
}

/** Split "Dana, Dec 15, 2026, $12,000" on commas that separate parts (not "Dec 15, 2026", not "12,000"). */
function splitTail(tail: string): string[] {
  return tail.split(/;|,(?!\s*\d{4}\b)(?!\d{3}\b)/);
}

/** The tail of an "Action: … — owner, date, budget" line, split into its parts. */
function parseTail(parts: string[], opts: ParseActionsOptions): { owner: string | null; dueDate: string | null; dateText: string | null; budget: string | null } {
  let owner: string | null = null;
  let dueDate: string | null = null;
  let dateText: string | null = null;
  let budget: string | null = null;
  for (const rawPart of parts) {
    let part = rawPart.trim();
    if (!part) continue;
    const keyed = part.match(/^(owner|who|due|date|when|budget)\s*[:=]\s*(.+)$/i);
    const key = keyed?.[1]?.toLowerCase();
    if (keyed) part = keyed[2]!.trim();
    if (!dueDate && key !== 'owner' && key !== 'who' && key !== 'budget') {
      const d = parseDueDate(part, opts.ref, opts.order);
      if (d) {
        dueDate = d;
        dateText = part.replace(/^(?:by|on|due|before)\s+/i, '');
        continue;
      }
    }
    if (!budget && key !== 'owner' && key !== 'who') {
      const b = part.match(BUDGET_RE);
      if (b && (key === 'budget' || b[0].length >= part.length - 8)) {
        budget = b[1]!.trim();
        continue;
      }
    }
    if (!owner && part.split(/\s+/).length <= 4 && /\p{L}/u.test(part)) owner = part.replace(/^owner\s+/i, '');
  }
  return { owner, dueDate, dateText, budget };
}

/** One line → candidate, or null when the line is not an action/decision. */
export function parseActionLine(raw: string, opts: ParseActionsOptions): ActionCandidate | null {
  if (raw.length > MAX_LINE * 2) return null;
  const line = clean(raw);
  if (!line || line.length > MAX_LINE) return null;

  const prefixed = line.match(PREFIX_RE);
  if (prefixed) {
    const kind = DECISION_PREFIXES.test(prefixed[1]!) ? 'decision' : 'action';
    const body = prefixed[2]!.trim();
    // "title — owner, date" (em/en dash, spaced hyphen or pipe), or "title (owner, date)".
    const sep = body.match(/^(.+?)\s+[—–-]\s+(.+)$/) ?? body.match(/^(.+?)\s*[—–|]\s*(.+)$/) ?? body.match(/^(.+?)\s*\((.+)\)$/);
    let title = sep ? sep[1]!.trim() : body;
    const tail = sep ? parseTail(splitTail(sep[2]!), opts) : { owner: null, dueDate: null, dateText: null, budget: null };
    // "Action: Sam to patch the VPN by Friday" — the body itself may carry owner and date.
    if (!sep) {
      const inner = parseWill(body, opts);
      if (inner) return { ...inner, kind, line };
      const by = body.match(/^(.+?)\s+by\s+([^,;()]+?)[.]?$/i);
      if (by) {
        const d = parseDueDate(by[2]!, opts.ref, opts.order);
        if (d) {
          title = by[1]!.trim();
          tail.dueDate = d;
          tail.dateText = by[2]!.trim();
        }
      }
    }
    if (!title) return null;
    return { kind, title, ...tail, line };
  }

  const will = parseWill(line, opts);
  return will ? { ...will, kind: 'action', line } : null;
}

function parseWill(text: string, opts: ParseActionsOptions): Omit<ActionCandidate, 'kind' | 'line'> | null {
  const m = text.match(WILL_RE);
  if (!m?.groups) return null;
  const owner = ownerFrom(m.groups.owner!);
  if (owner === undefined) return null;
  const dateText = m.groups.date!.trim();
  const dueDate = parseDueDate(dateText, opts.ref, opts.order);
  if (!dueDate) return null;
  const what = m.groups.what!.trim();
  const b = what.match(BUDGET_RE);
  return { title: what, owner, dueDate, dateText, budget: b ? b[1]!.trim() : null };
}

/** Every candidate in a block of text, in reading order, de-duplicated, capped at `limit` (default 20). */
export function parseActionLines(text: string, opts: ParseActionsOptions): ActionCandidate[] {
  const out: ActionCandidate[] = [];
  const seen = new Set<string>();
  const limit = opts.limit ?? 20;
  for (const raw of text.split(/\r?\n/)) {
    if (out.length >= limit) break;
    const c = parseActionLine(raw, opts);
    if (!c) continue;
    const key = `${c.kind}|${c.title.toLowerCase()}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(c);
  }
  return out;
}
