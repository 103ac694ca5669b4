/**
 * Portfolio heatmap, segment × dimension: each cell lists its Green / Yellow / Red / No data counts
 * (word + shape + colour). A non-zero count is a button: it filters the list below to those
 * accounts (click, Enter or Space). Overall distribution and composite by segment beside it.
 */
import { useState } from 'react';
import { COLOURS, COLOUR_WORDS, DIMENSION_LABELS, DIMENSIONS, OVERALL, type Colour, type Dimension, type Overall } from '../../engine/model';
import { SEGMENTS, type Account, type Segment } from '../../engine/signals';
import type { Heatmap } from '../../ui/dashboard/heatmap';
import { colourWord } from '../ColourBadge';
import { useCapped } from './CappedList';

const MARKS: Record<Colour | 'insufficient', string> = { green: '●', yellow: '▲', red: '■', nodata: '○', insufficient: '○' };

export type HeatFilter =
  | { kind: 'cell'; segment: Segment; dimension: Dimension; colour: Colour }
  | { kind: 'overall'; overall: Overall };

const sameFilter = (a: HeatFilter | null, b: HeatFilter): boolean => JSON.stringify(a) === JSON.stringify(b);

function filterTitle(f: HeatFilter): string {
  return f.kind === 'cell'
    ? `Segment ${f.segment} · ${DIMENSION_LABELS[f.dimension]} · ${COLOUR_WORDS[f.colour]}`
    : `Overall ${colourWord(f.overall)}`;
}

export function HeatmapView({
  heat,
  accountById,
  cap,
  onAccount,
}: {
  heat: Heatmap;
  accountById: ReadonlyMap<string, Account>;
  cap: number;
  onAccount?: (id: string) => void;
}) {
  const [filter, setFilter] = useState<HeatFilter | null>(null);
  const ids = !filter ? [] : filter.kind === 'cell' ? heat.cells[filter.segment][filter.dimension].ids[filter.colour] : heat.overallIds[filter.overall];
  const toggle = (f: HeatFilter) => setFilter((cur) => (sameFilter(cur, f) ? null : f));

  return (
    <div className="heat">
      <div className="heat__grid-wrap">
        <table className="heat__grid">
          <caption className="visually-hidden">Accounts by segment and dimension, counted per colour</caption>
          <thead>
            <tr>
              <th scope="col">Segment</th>
              {DIMENSIONS.map((d) => (
                <th key={d} scope="col">
                  {DIMENSION_LABELS[d]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {SEGMENTS.map((s) => (
              <tr key={s}>
                <th scope="row">{s}</th>
                {DIMENSIONS.map((d) => {
                  const cell = heat.cells[s][d];
                  return (
                    <td key={d} className="heat__cell">
                      <ul className="heat__counts">
                        {COLOURS.map((c) => {
                          const n = cell.counts[c];
                          const f: HeatFilter = { kind: 'cell', segment: s, dimension: d, colour: c };
                          const content = (
                            <>
                              <span aria-hidden="true">{MARKS[c]}</span> {n} {COLOUR_WORDS[c]}
                            </>
                          );
                          return (
                            <li key={c} className={`heat__n heat__n--${c}${n ? '' : ' heat__n--zero'}`}>
                              {n ? (
                                <button
                                  type="button"
                                  aria-pressed={sameFilter(filter, f)}
                                  aria-label={`Segment ${s}, ${DIMENSION_LABELS[d]}: ${n} ${COLOUR_WORDS[c]}. Show these accounts`}
                                  onClick={() => toggle(f)}
                                >
                                  {content}
                                </button>
                              ) : (
                                <span>{content}</span>
                              )}
                            </li>
                          );
                        })}
                      </ul>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <div className="heat__side">
        <h3>Overall colour</h3>
        <ul className="heat__overall">
          {OVERALL.map((o) => {
            const n = heat.overall[o];
            const f: HeatFilter = { kind: 'overall', overall: o };
            const key = o === 'insufficient' ? 'nodata' : o;
            return (
              <li key={o} className={`heat__n heat__n--${key}${n ? '' : ' heat__n--zero'}`}>
                {n ? (
                  <button type="button" aria-pressed={sameFilter(filter, f)} onClick={() => toggle(f)} aria-label={`Overall ${colourWord(o)}: ${n}. Show these accounts`}>
                    <span aria-hidden="true">{MARKS[o]}</span> {n} {colourWord(o)}
                  </button>
                ) : (
                  <span>
                    <span aria-hidden="true">{MARKS[o]}</span> 0 {colourWord(o)}
                  </span>
                )}
              </li>
            );
          })}
        </ul>
        {heat.unscored.length ? (
          <p className="muted small">
            {heat.unscored.length} {heat.unscored.length === 1 ? 'account has' : 'accounts have'} no health computed yet and {heat.unscored.length === 1 ? 'is' : 'are'} not counted.
          </p>
        ) : null}

        <h3>Composite by segment</h3>
        <table className="dash-table dash-table--compact">
          <thead>
            <tr>
              <th scope="col">Segment</th>
              <th scope="col">Mean composite</th>
              <th scope="col">Accounts with a composite</th>
            </tr>
          </thead>
          <tbody>
            {heat.composite.map((c) => (
              <tr key={c.segment}>
                <th scope="row">{c.segment}</th>
                <td>{c.mean === null ? 'No data' : Math.round(c.mean)}</td>
                <td>
                  {c.withComposite} of {c.accounts}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <div className="heat__filter" aria-live="polite">
        {filter ? <FilteredAccounts key={filterTitle(filter)} title={filterTitle(filter)} ids={ids} accountById={accountById} cap={cap} onClear={() => setFilter(null)} onAccount={onAccount} /> : (
          <p className="muted small">Choose a count to list its accounts.</p>
        )}
      </div>
    </div>
  );
}

function FilteredAccounts({
  title,
  ids,
  accountById,
  cap,
  onClear,
  onAccount,
}: {
  title: string;
  ids: readonly string[];
  accountById: ReadonlyMap<string, Account>;
  cap: number;
  onClear: () => void;
  onAccount?: (id: string) => void;
}) {
  const { shown, more } = useCapped(ids, cap);
  return (
    <div className="heat__list">
      <h3>
        {title}: {ids.length} {ids.length === 1 ? 'account' : 'accounts'}{' '}
        <button type="button" className="btn btn--small" onClick={onClear}>
          Clear filter
        </button>
      </h3>
      <ul>
        {shown.map((id) => {
          const name = accountById.get(id)?.name ?? id;
          return (
            <li key={id}>
              {onAccount ? (
                <button type="button" className="linkish" onClick={() => onAccount(id)}>
                  {name}
                </button>
              ) : (
                name
              )}
            </li>
          );
        })}
      </ul>
      {more}
    </div>
  );
}
