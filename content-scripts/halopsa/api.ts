/**
 * Pure readers over the JSON the HaloPSA agent app receives from its own API ("Halo API v2",
 * shapes in `shared/reference/halopsa-schemas-subset.json`). The main-world observer forwards only
 * whitelisted same-origin responses; this validates each with zod — exactly the fields used, all
 * else ignored — and turns it into observations. An invalid record is a warning and is not stored.
 *
 * Endpoints: `GET /api/Tickets` (list: `{ tickets: Faults_List[] }`), `/api/Tickets/{id}` (Faults),
 * `/api/Client` (`{ clients: Area[] }`), `/api/Client/{id}` (Area), `/api/ClientContract`
 * (`{ contracts: ContractHeader[] }` or an array), `/api/ClientContract/{id}` (ContractHeader).
 */
import { z } from 'zod';
import type { PageType } from '../../engine/signals';
import type { Observation, PageReading, ReadContext } from '../core/types';
import { monthlyAmount } from '../core/billing';
import { haloSla } from './sla';
import {
  apiCalendarDate,
  apiInstant,
  clientObservation,
  contractObservation,
  haloId,
  reading,
  ticketObservation,
} from './page';

const text = z.string().max(2000).nullish();
const apiDate = z.string().max(40).nullish();
const intId = z.number().int().nullish();

/** A ticket ("Fault"): the fields Metronome uses. */
export const HaloFault = z.object({
  id: z.number().int().positive(),
  summary: text,
  dateoccurred: apiDate,
  respondbydate: apiDate,
  responsedate: apiDate,
  slaresponsestate: z.string().max(20).nullish(),
  fixbydate: apiDate,
  dateclosed: apiDate,
  slastate: z.string().max(20).nullish(),
  slapercused: z.number().nullish(),
  excludefromsla: z.boolean().nullish(),
  client_id: intId,
  client_name: text,
  status_id: intId,
  status_name: text,
  priority_id: intId,
  priority_name: text,
  category_1: text,
});
export type HaloFault = z.infer<typeof HaloFault>;

/** A client ("Area"). */
export const HaloClient = z.object({
  id: z.number().int().positive(),
  name: z.string().trim().min(1).max(300),
  accountmanagertech_name: text,
});
export type HaloClient = z.infer<typeof HaloClient>;

/** A client contract ("ContractHeader"). */
export const HaloContract = z.object({
  id: z.number().int().positive(),
  ref: z.string().trim().min(1).max(300),
  client_id: intId,
  client_name: text,
  contracttype_name: text,
  start_date: apiDate,
  end_date: apiDate,
  periodchargeamount: z.number().min(0).nullish(),
  billing_period_string: text,
  active: z.boolean().nullish(),
  expired: z.boolean().nullish(),
});
export type HaloContract = z.infer<typeof HaloContract>;

const listOf = (key: string) =>
  z.union([z.array(z.unknown()), z.object({ [key]: z.array(z.unknown()) }).transform((o) => o[key] as unknown[])]);

type Kind = 'ticket' | 'client' | 'contract';
interface Route {
  re: RegExp;
  kind: Kind;
  list: boolean;
  pageType: PageType;
}

/** The whitelist: path endings, case-insensitive (the app writes `/api/Tickets`, `/api/tickets`). */
export const HALO_API_ROUTES: readonly Route[] = [
  { re: /\/api\/tickets\/(\d+)$/i, kind: 'ticket', list: false, pageType: 'ticket' },
  { re: /\/api\/tickets$/i, kind: 'ticket', list: true, pageType: 'ticket-list' },
  { re: /\/api\/client\/(\d+)$/i, kind: 'client', list: false, pageType: 'company' },
  { re: /\/api\/client$/i, kind: 'client', list: true, pageType: 'company' },
  { re: /\/api\/clientcontract\/(\d+)$/i, kind: 'contract', list: false, pageType: 'agreement' },
  { re: /\/api\/clientcontract$/i, kind: 'contract', list: true, pageType: 'agreement' },
];

const LIST_KEY: Record<Kind, string> = { ticket: 'tickets', client: 'clients', contract: 'contracts' };

/** Issues as one line: `dateoccurred: Invalid input…; id: …`. */
const issues = (e: z.ZodError): string => e.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');

/** A record's id for messages, before validation. */
const idOf = (raw: unknown): string => {
  const id = (raw as { id?: unknown } | null)?.id;
  return typeof id === 'number' || typeof id === 'string' ? `#${String(id).slice(0, 20)}` : '(no id)';
};

export function faultToObservation(f: HaloFault, ctx: ReadContext, pageType: PageType, warnings: string[]): Observation | undefined {
  const at = (name: string, raw: string | null | undefined) => {
    const v = apiInstant(raw, ctx.timeZone);
    if (raw && !v && !/^(0001|1900)-01-01/.test(raw)) warnings.push(`ticket #${f.id}: ${name} "${raw}" is not a date`);
    return v;
  };
  const openedAt = at('dateoccurred', f.dateoccurred);
  if (!openedAt) {
    warnings.push(`ticket #${f.id}: no dateoccurred, skipped`);
    return undefined;
  }
  const clientId = f.client_id && f.client_id > 0 ? String(f.client_id) : undefined;
  const clientName = f.client_name?.trim() || undefined;
  if (!clientId && !clientName) {
    warnings.push(`ticket #${f.id}: no client, skipped`);
    return undefined;
  }
  const respondedAt = at('responsedate', f.responsedate);
  const closedAt = at('dateclosed', f.dateclosed);
  const sla = haloSla(
    {
      responseDueAt: at('respondbydate', f.respondbydate),
      respondedAt,
      resolutionDueAt: at('fixbydate', f.fixbydate),
      resolvedAt: closedAt,
      responseState: f.slaresponsestate,
      resolutionState: f.slastate,
      excluded: f.excludefromsla,
      percentUsed: f.slapercused,
    },
    ctx.now,
  );
  return ticketObservation(
    {
      id: String(f.id),
      openedAt,
      ...(f.summary ? { summary: f.summary } : {}),
      ...(f.status_name ? { status: f.status_name } : {}),
      ...(f.priority_name ? { priority: f.priority_name } : {}),
      ...(f.category_1 ? { category: f.category_1 } : {}),
      ...(clientId ? { clientId } : {}),
      ...(clientName ? { clientName } : {}),
      ...(respondedAt ? { respondedAt } : {}),
      ...(closedAt ? { closedAt } : {}),
      ...(sla ? { sla } : {}),
    },
    ctx,
    pageType,
  );
}

export function clientToObservation(c: HaloClient, ctx: ReadContext): Observation {
  return clientObservation(
    { clientId: String(c.id), name: c.name, ...(c.accountmanagertech_name ? { accountManager: c.accountmanagertech_name } : {}) },
    ctx,
  );
}

export function contractToObservation(c: HaloContract, ctx: ReadContext, warnings: string[]): Observation {
  const mrr = monthlyAmount(c.periodchargeamount ?? undefined, c.billing_period_string ?? undefined);
  if (c.periodchargeamount && mrr === undefined)
    warnings.push(`contract #${c.id}: billing period "${c.billing_period_string ?? ''}" unknown, MRR not computed`);
  const start = apiCalendarDate(c.start_date);
  const end = apiCalendarDate(c.end_date);
  return contractObservation(
    {
      contractId: String(c.id),
      ref: c.ref,
      active: c.active !== false && c.expired !== true,
      ...(c.contracttype_name ? { type: c.contracttype_name } : {}),
      ...(c.client_id && c.client_id > 0 ? { clientId: String(c.client_id) } : {}),
      ...(c.client_name ? { clientName: c.client_name } : {}),
      ...(start ? { start } : {}),
      ...(end ? { end } : {}),
      ...(mrr !== undefined ? { mrr } : {}),
    },
    ctx,
  );
}

function readOne(kind: Kind, raw: unknown, ctx: ReadContext, pageType: PageType, warnings: string[]): Observation | undefined {
  const schema = kind === 'ticket' ? HaloFault : kind === 'client' ? HaloClient : HaloContract;
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    warnings.push(`${kind} ${idOf(raw)}: invalid (${issues(parsed.error)}), skipped`);
    return undefined;
  }
  if (kind === 'ticket') return faultToObservation(parsed.data as HaloFault, ctx, pageType, warnings);
  if (kind === 'client') return clientToObservation(parsed.data as HaloClient, ctx);
  return contractToObservation(parsed.data as HaloContract, ctx, warnings);
}

/** Which whitelisted endpoint a path is, or `undefined` (not ours: ignore the response). */
export function haloApiRoute(pathname: string): { route: Route; id?: string } | undefined {
  for (const route of HALO_API_ROUTES) {
    const m = route.re.exec(pathname);
    if (m) return { route, ...(m[1] ? { id: haloId(m[1]) } : {}) };
  }
  return undefined;
}

/**
 * Reads one API response. `pathname` is the API request's path; `ctx.url` is the page the user is
 * on (it names the host and becomes each value's source). `null` for a path outside the whitelist.
 */
export function readHaloApiResponse(pathname: string, json: unknown, ctx: ReadContext): PageReading | null {
  const hit = haloApiRoute(pathname);
  if (!hit) return null;
  const { route } = hit;
  const warnings: string[] = [];
  const observations: Observation[] = [];
  if (route.list) {
    const items = listOf(LIST_KEY[route.kind]).safeParse(json);
    if (!items.success) {
      warnings.push(`${pathname}: response is not a ${route.kind} list, nothing read`);
      return reading(route.pageType, [], [], warnings);
    }
    for (const raw of items.data) {
      const o = readOne(route.kind, raw, ctx, route.pageType, warnings);
      if (o) observations.push(o);
    }
  } else {
    const rawId = (json as { id?: unknown } | null)?.id;
    if (hit.id !== undefined && rawId !== undefined && String(rawId) !== hit.id) {
      warnings.push(`${pathname}: response is for ${route.kind} ${idOf(json)}, not #${hit.id}; nothing read`);
      return reading(route.pageType, [], [], warnings);
    }
    const o = readOne(route.kind, json, ctx, route.pageType, warnings);
    if (o) observations.push(o);
  }
  return reading(route.pageType, observations, [], warnings);
}
