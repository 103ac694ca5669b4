/**
 * The generic fallback: any enabled page no adapter (and no taught mapping) knows. It never
 * reports drift — there is no page shape to drift from — only what it could read: tickets from
 * recognisable tables and label:value pairs, and the main text.
 */
import { indexLabels } from '../core/dom';
import type { Observation, PageReading, PageTypeReader, ReadContext } from '../core/types';
import { ticketFromLabels, ticketsFromTables } from './tickets';

export interface GenericOptions {
  /**
   * Extracts the page's main text (`mainTextOf`, Readability: costs a document clone). Passed in so
   * the content script, which reads main text only on request, does not carry Readability.
   */
  mainText?: (doc: Document) => string | undefined;
}

export function genericReader({ mainText }: GenericOptions = {}): PageTypeReader {
  return {
    id: 'generic/page',
    adapter: 'generic',
    pageType: 'generic',
    required: [],
    matchesUrl: () => true,
    matchesDocument: () => true,
    read(doc: Document, ctx: ReadContext): PageReading {
      const warnings: string[] = [];
      const body = doc.body ?? doc.documentElement;
      const tickets = ticketsFromTables(body, ctx, warnings);
      if (tickets.length === 0) {
        const one = ticketFromLabels(indexLabels(body), doc, ctx);
        if (one?.observation) tickets.push(one.observation);
        else if (one?.warning) warnings.push(one.warning);
      }
      const seen = new Set<string>();
      const observations: Observation[] = [];
      for (const t of tickets) {
        if (seen.has(t.id)) {
          warnings.push(`${t.id} appears twice; the first is kept`);
          continue;
        }
        seen.add(t.id);
        observations.push(t);
      }
      const text = mainText?.(doc);
      return { adapter: 'generic', pageType: 'generic', observations, missing: [], warnings, ...(text ? { mainText: text } : {}) };
    },
  };
}

