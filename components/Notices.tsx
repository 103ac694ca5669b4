/** Errors and confirmations from `ui/notices`: errors are alerts (announced), info is polite status. */
import { useEffect, useState } from 'react';
import { dismissNotice, subscribeNotices, type Notice } from '../ui/notices';

const INFO_MS = 4000;

export function Notices() {
  const [items, setItems] = useState<readonly Notice[]>([]);
  useEffect(() => subscribeNotices(setItems), []);
  useEffect(() => {
    const timers = items.filter((n) => n.kind === 'info').map((n) => setTimeout(() => dismissNotice(n.id), INFO_MS));
    return () => timers.forEach(clearTimeout);
  }, [items]);
  return (
    <div className="notices">
      <div role="alert">
        {items
          .filter((n) => n.kind === 'error')
          .map((n) => (
            <p key={n.id} className="notice notice--error">
              {n.text}{' '}
              <button type="button" className="btn btn--small" onClick={() => dismissNotice(n.id)} aria-label="Dismiss message">
                ✕
              </button>
            </p>
          ))}
      </div>
      <div role="status">
        {items
          .filter((n) => n.kind === 'info')
          .map((n) => (
            <p key={n.id} className="notice notice--info">
              {n.text}
            </p>
          ))}
      </div>
    </div>
  );
}
