/** A colour with its word (colour is never the only cue) and an optional score. */
import { COLOUR_WORDS, type Colour, type Overall } from '../engine/vocabulary';

const OVERALL_WORDS: Record<Overall, string> = {
  green: COLOUR_WORDS.green,
  yellow: COLOUR_WORDS.yellow,
  red: COLOUR_WORDS.red,
  insufficient: 'Insufficient data',
};

/** Shape marks add a second non-colour cue for quick scanning. */
const MARKS: Record<Colour | 'insufficient', string> = { green: '●', yellow: '▲', red: '■', nodata: '○', insufficient: '○' };

export function colourWord(c: Colour | Overall): string {
  return c === 'insufficient' ? OVERALL_WORDS.insufficient : COLOUR_WORDS[c];
}

export function ColourBadge({ colour, score, label }: { colour: Colour | Overall; score?: number | null; label?: string }) {
  const key = colour === 'insufficient' ? 'nodata' : colour;
  const word = colourWord(colour);
  return (
    <span className={`badge badge--${key}`} title={label ? `${label}: ${word}` : word}>
      <span aria-hidden="true" className="badge__mark">
        {MARKS[colour]}
      </span>{' '}
      <span className="badge__word">{word}</span>
      {score !== undefined && score !== null ? <span className="badge__score"> {Math.round(score)}</span> : null}
    </span>
  );
}
