/** One watchlist as a table: account, owner by name, the number that put it there, the next date. */
import type { Watchlist } from '../../ui/dashboard/watchlists';
import { ownerText } from '../../ui/dashboard/portfolio';
import { daysUntil, fmtDate, relDays } from '../../ui/format';
import { useCapped } from './CappedList';

export function NextDate({ value, tz, now }: { value: string | null; tz: string; now: Date }) {
  if (!value) return <span className="muted">No date</span>;
  return (
    <>
      {fmtDate(value, tz)} <span className="muted">({relDays(daysUntil(value, now, tz))})</span>
    </>
  );
}

export function WatchTable({ list, tz, now, cap, onAccount }: { list: Watchlist; tz: string; now: Date; cap: number; onAccount?: (id: string) => void }) {
  const { shown, more } = useCapped(list.rows, cap);
  const headingId = `watch-${list.key}`;
  return (
    <section className="watch" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {list.title} <span className="count">{list.rows.length}</span>
      </h3>
      <p className="muted small">{list.rule}</p>
      {list.rows.length === 0 ? (
        <p className="nodata">No accounts on this list.</p>
      ) : (
        <>
          <table className="dash-table">
            <thead>
              <tr>
                <th scope="col">Account</th>
                <th scope="col">Owner</th>
                <th scope="col">{list.figureHeader}</th>
                <th scope="col">{list.nextHeader}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((r) => (
                <tr key={r.key} className={r.alert ? 'row--alert' : undefined}>
                  <th scope="row">
                    {onAccount ? (
                      <button type="button" className="linkish" onClick={() => onAccount(r.accountId)} title="Show in the program calendar">
                        {r.accountName}
                      </button>
                    ) : (
                      r.accountName
                    )}
                    {r.detail ? <div className="muted small">{r.detail}</div> : null}
                  </th>
                  <td className={r.owner.name ? undefined : 'unassigned'}>{ownerText(r.owner)}</td>
                  <td>
                    {r.alert ? <span className="visually-hidden">Needs attention: </span> : null}
                    {r.figure}
                  </td>
                  <td>
                    <NextDate value={r.nextDate} tz={tz} now={now} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {more}
        </>
      )}
    </section>
  );
}
