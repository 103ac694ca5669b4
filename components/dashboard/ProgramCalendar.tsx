/**
 * Security-program calendar (seed 000): for the selected account, months 1–12 of its program year
 * with the quarterly anchors and the annual renewal trigger marked (a 12-cell strip and a table);
 * for the portfolio, where each account stands in its program year.
 */
import { useMemo } from 'react';
import type { Account } from '../../engine/signals';
import { nextAnchor, programYear, type ProgramYear } from '../../ui/dashboard/programCalendar';
import { fmtDate } from '../../ui/format';
import { AccountPicker } from '../AccountPicker';
import { useCapped } from './CappedList';

interface Props {
  accounts: readonly Account[];
  selectedId: string | null;
  recentIds: readonly string[];
  onSelect: (id: string) => void;
  now: Date;
  tz: string;
  renewalOffsetDays: number;
  cap: number;
}

const offsetText = (d: number) => `renewal ${d < 0 ? '−' : '+'} ${Math.abs(d)} days`;

export function ProgramCalendar({ accounts, selectedId, recentIds, onSelect, now, tz, renewalOffsetDays, cap }: Props) {
  const hourKey = Math.floor(now.getTime() / 3_600_000); // the program month changes by day: hourly is plenty
  const { shown: shownAccounts, more } = useCapped(accounts, cap);
  // Only the rows on screen are computed (25 by default), plus the selected account.
  const shown = useMemo(
    () => shownAccounts.map((a) => ({ account: a, py: programYear(a, now, tz, renewalOffsetDays) })),
    [shownAccounts, tz, renewalOffsetDays, hourKey],
  );
  const selectedAccount = useMemo(() => accounts.find((a) => a.id === selectedId) ?? null, [accounts, selectedId]);
  const selected = useMemo(
    () => (selectedAccount ? { account: selectedAccount, py: programYear(selectedAccount, now, tz, renewalOffsetDays) } : null),
    [selectedAccount, tz, renewalOffsetDays, hourKey],
  );

  return (
    <div className="program">
      <div className="program__pick">
        <AccountPicker accounts={accounts} recentIds={recentIds} selectedId={selectedId} onSelect={onSelect} />
      </div>
      {selected ? (
        <ProgramDetail account={selected.account} py={selected.py} tz={tz} renewalOffsetDays={renewalOffsetDays} />
      ) : (
        <p className="nodata">Choose an account to see its program year.</p>
      )}

      <h3>Where each account stands</h3>
      <table className="dash-table">
        <thead>
          <tr>
            <th scope="col">Account</th>
            <th scope="col">Program month</th>
            <th scope="col">Program year starts at</th>
            <th scope="col">Next quarterly anchor</th>
            <th scope="col">Renewal trigger ({offsetText(renewalOffsetDays)})</th>
          </tr>
        </thead>
        <tbody>
          {shown.map(({ account, py }) => {
            const anchor = nextAnchor(py);
            return (
              <tr key={account.id} aria-current={account.id === selectedId ? 'true' : undefined}>
                <th scope="row">
                  <button type="button" className="linkish" onClick={() => onSelect(account.id)}>
                    {account.name}
                  </button>
                </th>
                <td>Month {py.currentMonth} of 12</td>
                <td>{py.basisText}</td>
                <td>{anchor ? `Month ${anchor.index}, from ${fmtDate(anchor.start, tz)}` : 'None left this year'}</td>
                <td>{py.renewalTriggerDate ? fmtDate(py.renewalTriggerDate, tz) : 'No renewal date'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {more}
    </div>
  );
}

function ProgramDetail({ account, py, tz, renewalOffsetDays }: { account: Account; py: ProgramYear; tz: string; renewalOffsetDays: number }) {
  return (
    <div className="program__detail">
      <h3>{account.name}</h3>
      <p>
        Program year {fmtDate(py.start, tz)} – {fmtDate(py.end, tz)}, starting at the <strong>{py.basisText}</strong>
        {py.basis === 'firstSeen' ? ' (no renewal or agreement date known)' : ''}.{' '}
        {py.renewalTriggerDate ? (
          <>
            Renewal {fmtDate(py.renewalDate, tz)}; renewal trigger ({offsetText(renewalOffsetDays)}) on {fmtDate(py.renewalTriggerDate, tz)}
            {py.renewalTriggerMonth ? `, in month ${py.renewalTriggerMonth}` : ''}.
          </>
        ) : (
          'No renewal date: the renewal trigger cannot be placed.'
        )}
      </p>
      <ol className="program__strip" aria-label="Program months 1 to 12">
        {py.months.map((m) => {
          const marks = [m.current ? 'now' : null, m.anchor ? 'quarterly anchor' : null, m.annual ? 'annual trigger' : null, m.renewalTrigger ? 'renewal trigger' : null].filter(Boolean);
          return (
            <li
              key={m.index}
              className={`program__cell${m.current ? ' program__cell--now' : ''}${m.anchor ? ' program__cell--anchor' : ''}${m.renewalTrigger ? ' program__cell--renewal' : ''}`}
              aria-label={`Month ${m.index}${marks.length ? `: ${marks.join(', ')}` : ''}`}
              aria-current={m.current ? 'date' : undefined}
            >
              <span className="program__num">{m.index}</span>
              <span className="program__marks" aria-hidden="true">
                {m.current ? '▶' : ''}
                {m.anchor ? '◆' : ''}
                {m.renewalTrigger ? '★' : ''}
              </span>
            </li>
          );
        })}
      </ol>
      <p className="muted small">▶ this month · ◆ quarterly anchor (months 3, 6, 9, 12) · ★ renewal trigger</p>
      <table className="dash-table dash-table--compact">
        <caption className="visually-hidden">Program calendar of {account.name}</caption>
        <thead>
          <tr>
            <th scope="col">Month</th>
            <th scope="col">Dates</th>
            <th scope="col">Recurring deliverable</th>
            <th scope="col">Quarterly anchor</th>
            <th scope="col">Annual trigger</th>
            <th scope="col">Marks</th>
          </tr>
        </thead>
        <tbody>
          {py.months.map((m) => (
            <tr key={m.index} className={m.current ? 'row--now' : undefined}>
              <th scope="row">{m.index}</th>
              <td>
                {fmtDate(m.start, tz)} – {fmtDate(m.end, tz)}
              </td>
              <td>{m.deliverable}</td>
              <td>{m.anchor ?? '—'}</td>
              <td>{m.annual ?? '—'}</td>
              <td>
                {[m.current ? 'This month' : null, m.renewalTrigger && py.renewalTriggerDate ? `Renewal trigger ${fmtDate(py.renewalTriggerDate, tz)}` : null]
                  .filter(Boolean)
                  .join(' · ') || '—'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
