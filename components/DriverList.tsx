/**
 * "Why this colour": a dimension's inputs with value, target, tick/cross, and the page and time each
 * came from (a link that reopens the page, http(s) only). Missing and stale inputs are named.
 */
import type { DimensionResult, Driver, SourceRef } from '../engine/model';
import { fmtDate, fmtDateTime, isHttpUrl } from '../ui/format';
import { ColourBadge } from './ColourBadge';

const PAGE_WORDS: Record<string, string> = {
  ticket: 'ticket page',
  'ticket-list': 'ticket list',
  company: 'company page',
  agreement: 'agreement page',
  sla: 'SLA page',
  'm365-mfa': 'M365 MFA report',
  'm365-licences': 'M365 licences',
  'm365-secure-score': 'Secure Score',
  'm365-usage': 'M365 usage report',
  generic: 'page',
  taught: 'taught page',
  manual: 'logged in Metronome',
  import: 'import',
  sample: 'sample data',
};

function Pass({ pass }: { pass: boolean | null }) {
  if (pass === null) return <span className="pass pass--na">– not scored</span>;
  return pass ? (
    <span className="pass pass--ok">
      <span aria-hidden="true">✓</span> meets target
    </span>
  ) : (
    <span className="pass pass--fail">
      <span aria-hidden="true">✗</span> misses target
    </span>
  );
}

export function SourceLink({ source, tz, onOpen }: { source: SourceRef; tz: string; onOpen: (url: string) => void }) {
  const what = `${PAGE_WORDS[source.pageType] ?? source.pageType}${source.host && source.host !== 'metronome' ? ` on ${source.host}` : ''}`;
  const when = fmtDateTime(source.observedAt, tz);
  if (isHttpUrl(source.url)) {
    return (
      <button type="button" className="linklike" onClick={() => onOpen(source.url)} title={source.url}>
        {what}, {when}
      </button>
    );
  }
  return (
    <span>
      {what}, {when}
    </span>
  );
}

const MAX_SOURCES = 3;

export function DriverItem({ driver, tz, onOpen }: { driver: Driver; tz: string; onOpen: (url: string) => void }) {
  const sources = driver.sources.slice(0, MAX_SOURCES);
  return (
    <li className={`driver${driver.missing ? ' driver--missing' : ''}`}>
      <div className="driver__head">
        <span className="driver__label">{driver.label}</span>
        <span className="driver__value">{driver.missing ? 'No data' : driver.display}</span>
        {driver.colour ? <ColourBadge colour={driver.colour} /> : null}
      </div>
      <div className="driver__meta">
        {driver.target ? <span>Target {driver.target}</span> : null} <Pass pass={driver.missing ? null : driver.pass} />
        {driver.staleSince ? <span className="stale"> · stale since {fmtDate(driver.staleSince, tz)}</span> : null}
      </div>
      {sources.length ? (
        <ul className="sources" aria-label={`Sources of ${driver.label}`}>
          {sources.map((s) => (
            <li key={`${s.signalId}-${s.observedAt}`}>
              <SourceLink source={s} tz={tz} onOpen={onOpen} />
            </li>
          ))}
          {driver.sources.length > MAX_SOURCES ? <li>and {driver.sources.length - MAX_SOURCES} more</li> : null}
        </ul>
      ) : driver.missing ? null : (
        <div className="driver__meta">No source recorded</div>
      )}
    </li>
  );
}

export function DriverList({ result, tz, onOpen }: { result: DimensionResult; tz: string; onOpen: (url: string) => void }) {
  return (
    <div className="drivers">
      <p className="drivers__reason">{result.reason}</p>
      {result.missing.length ? (
        <p className="drivers__missing">
          <strong>Missing:</strong> {result.missing.join(', ')}
        </p>
      ) : null}
      {result.stale.length ? (
        <p className="drivers__stale">
          <strong>Stale:</strong> {result.stale.join(', ')}
        </p>
      ) : null}
      <ul className="driver-list">
        {result.drivers.map((d) => (
          <DriverItem key={d.key} driver={d} tz={tz} onOpen={onOpen} />
        ))}
      </ul>
      <p className="drivers__window">
        Window {fmtDate(result.windowStart, tz)} – {fmtDate(result.windowEnd, tz)}
        {result.freshestAt ? ` · latest input ${fmtDateTime(result.freshestAt, tz)}` : ' · no input in the window'}
      </p>
    </div>
  );
}
