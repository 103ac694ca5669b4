/**
 * A known PSA page stopped matching (the host changed its UI): say so plainly instead of showing
 * stale numbers as current, and offer to teach the page. Without drift, the "Teach this page"
 * button still shows when the active tab's page is one Metronome does not read.
 */
import type { DriftEvent } from '../storage/records';
import { fmtDateTime } from '../ui/format';
import { TeachButton } from './TeachButton';

export function DriftBanner({ events, tz }: { events: readonly DriftEvent[]; tz: string }) {
  const latest = events[0];
  if (!latest) return <TeachButton />;
  return (
    <div className="banner banner--drift" role="alert">
      <strong>Metronome can no longer read this {latest.pageType} page on {latest.host}</strong> (the page changed; last seen{' '}
      {fmtDateTime(latest.at, tz)}). Values it used to read here are not updated
      {latest.missing.length ? `: ${latest.missing.slice(0, 6).join(', ')}${latest.missing.length > 6 ? '…' : ''}` : ''}. Numbers below may be stale — check their “stale since” dates, or teach
      Metronome this page (open it in this tab first).
      <TeachButton always />
    </div>
  );
}
