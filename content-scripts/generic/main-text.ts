/**
 * The page's main text via Readability (the recap composer prefills from it: meeting notes, an
 * email). Readability mutates the document it parses, so it gets a clone; the host page is never
 * touched. Plain text only.
 */
import { Readability } from '@mozilla/readability';

/** Cap for `PageReading.mainText` (fits the recap composer and the LongText schema). */
export const MAIN_TEXT_MAX = 20_000;

export function mainTextOf(doc: Document, max = MAIN_TEXT_MAX): string | undefined {
  let article: { textContent?: string | null } | null = null;
  try {
    const clone = doc.cloneNode(true) as Document;
    separateBlocks(clone);
    article = new Readability(clone, { charThreshold: 200 }).parse();
  } catch {
    return undefined;
  }
  const lines = (article?.textContent ?? '')
    .split(/\n+/)
    .map((l) => l.replace(/[\s\u00a0]+/g, ' ').trim())
    .filter(Boolean);
  const t = lines.join('\n').slice(0, max);
  return t === '' ? undefined : t;
}

const BLOCKS = 'p,div,li,tr,h1,h2,h3,h4,h5,h6,br,section,article,header,footer,blockquote,pre,dt,dd,table,ul,ol';

/**
 * `textContent` runs cells and blocks together ("RefClientTitle"); on the clone, put a line break
 * after each block and a space after each cell so the text reads as it looks.
 */
function separateBlocks(clone: Document): void {
  for (const el of Array.from(clone.querySelectorAll(BLOCKS))) el.appendChild(clone.createTextNode('\n'));
  for (const el of Array.from(clone.querySelectorAll('td,th'))) el.appendChild(clone.createTextNode(' '));
}
