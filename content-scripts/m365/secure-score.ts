/**
 * Microsoft Defender portal → Secure Score overview, as rendered: the "Your secure score" card
 * prints `412.5/650 points achieved`. Found from its label, never by position or class.
 */
import { indexLabels, labelElement, text, type LabelIndex } from '../core/dom';
import type { PageReading, PageTypeReader, ReadContext } from '../core/types';
import { secureScoreObservation } from './figures';
import { parseScore } from './grid';
import { ADAPTER, emptyReading } from './observe';
import { m365Options, type M365Options } from './options';
import { pageTenant } from './tenant';

export const SECURE_SCORE_LABELS = ['Your secure score', 'Secure Score', 'Microsoft Secure Score'];
const POINTS = /(\d[\d.,\s\u00a0']*)\s*\/\s*(\d[\d.,\s\u00a0']*?)\s*points? achieved/i;
/** How far up from the label the card's text may be. */
const MAX_CLIMB = 5;

function scoreNear(index: LabelIndex): { current: number; max: number } | undefined {
  const label = labelElement(index, SECURE_SCORE_LABELS);
  for (let el: Element | null | undefined = label, i = 0; el && i <= MAX_CLIMB; el = el.parentElement, i++) {
    const m = POINTS.exec(text(el));
    if (m) {
      const current = parseScore(m[1]);
      const max = parseScore(m[2]);
      return current !== undefined && max !== undefined && max > 0 && current <= max ? { current, max } : undefined;
    }
  }
  return undefined;
}

export function secureScoreReader(options: Partial<M365Options> = {}): PageTypeReader {
  const opts = m365Options(options);
  return {
    id: 'm365/secure-score',
    adapter: ADAPTER,
    pageType: 'm365-secure-score',
    required: ['secureScore', 'tenant'],
    matchesUrl: (url) => /^\/securescore\/?$/i.test(url.pathname) && !/viewid=(actions|history|metrics)/i.test(url.search),
    matchesDocument: (doc) => scoreNear(indexLabels(doc)) !== undefined,
    read(doc: Document, ctx: ReadContext): PageReading {
      const out = emptyReading('m365-secure-score');
      const index = indexLabels(doc);
      const score = scoreNear(index);
      if (!score) return { ...out, missing: ['secureScore'] };
      const tenant = pageTenant(opts.tenant, ctx.url, index);
      if (!tenant) return { ...out, missing: ['tenant'] };
      out.observations.push(secureScoreObservation(ctx, 'm365-secure-score', tenant, score.current, score.max));
      return out;
    },
  };
}
