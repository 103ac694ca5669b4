/**
 * PSA & Microsoft 365 hosts: one card per product with Enable/Disable, a self-hosted PSA field, and
 * every granted origin with Remove. Permission requests happen synchronously inside the click or
 * submit handler (the user gesture); the background re-registers the readers on every change.
 */
import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import { HOST_CARDS, hostOf, type HostCard } from '../../content-scripts/hosts';
import { cardOf, checkSelfHostedOrigin, isBroadPattern, listableOrigins } from '../../ui/options/origins';
import { usePermissions, type PermissionsApi } from './permissions';

interface GrantState {
  /** Per card: which of its origins are granted (same order as `card.origins`). */
  cards: Record<string, boolean[]>;
  granted: string[];
}

function useGrants(api: PermissionsApi) {
  const [state, setState] = useState<GrantState | null>(null);
  const [error, setError] = useState<string | null>(null);
  const refresh = useCallback(async () => {
    try {
      const [all, ...perCard] = await Promise.all([
        api.getAll(),
        ...HOST_CARDS.map((c) => Promise.all(c.origins.map((o) => api.contains({ origins: [o] })))),
      ]);
      const cards: Record<string, boolean[]> = {};
      HOST_CARDS.forEach((c, i) => (cards[c.id] = perCard[i] as boolean[]));
      setState({ cards, granted: listableOrigins((all as { origins?: string[] }).origins) });
      setError(null);
    } catch (e) {
      setError(`Could not read the site permissions: ${e instanceof Error ? e.message : String(e)}`);
    }
  }, [api]);

  useEffect(() => {
    void refresh();
    const off = api.subscribe(() => void refresh());
    // Access can also change on the browser's own extension page: re-check when we come back.
    const onFocus = () => void refresh();
    window.addEventListener('focus', onFocus);
    return () => {
      off();
      window.removeEventListener('focus', onFocus);
    };
  }, [api, refresh]);
  return { state, error, refresh };
}

export function HostsSection() {
  const api = usePermissions();
  const { state, error, refresh } = useGrants(api);
  const [message, setMessage] = useState<{ kind: 'error' | 'info'; text: string } | null>(null);

  /** Start a request/remove (already called, inside the gesture) and report how it ended. */
  const track = useCallback(
    (pending: Promise<boolean>, done: { ok: string; refused: string }) => {
      pending
        .then((ok) => setMessage(ok ? { kind: 'info', text: done.ok } : { kind: 'error', text: done.refused }))
        .catch((e: unknown) => setMessage({ kind: 'error', text: `${done.refused} (${e instanceof Error ? e.message : String(e)})` }))
        .finally(() => void refresh());
    },
    [refresh],
  );

  const broad = state?.granted.filter(isBroadPattern) ?? [];

  return (
    <section aria-labelledby="hosts-title" className="opt-section">
      <h2 id="hosts-title">PSA and Microsoft 365 sites</h2>
      <p className="opt-lead">
        Metronome reads pages only on the sites you enable here, and only while you have them open. Nothing runs on any other
        site, and nothing leaves your browser: there is no Metronome server, account or telemetry. Your browser asks you to
        confirm each site.
      </p>
      {error && (
        <p role="alert" className="opt-error">
          {error}
        </p>
      )}
      <div role="status" aria-live="polite" className={message?.kind === 'error' ? 'opt-error' : 'opt-ok'}>
        {message?.text ?? ''}
      </div>
      {broad.length > 0 && (
        <p role="alert" className="opt-error">
          ⚠ Metronome has access to every site ({broad.join(', ')}). It does not need this: remove it below.
        </p>
      )}

      <ul className="host-cards">
        {HOST_CARDS.map((card) => (
          <li key={card.id}>
            <HostCardView card={card} granted={state?.cards[card.id]} api={api} track={track} />
          </li>
        ))}
      </ul>

      <SelfHosted api={api} track={track} />

      <h3 id="granted-title">Sites Metronome can read now</h3>
      {!state ? (
        <p className="muted">Checking…</p>
      ) : state.granted.length === 0 ? (
        <p className="muted">None yet. Metronome reads no site until you enable one above.</p>
      ) : (
        <ul className="granted-list" aria-labelledby="granted-title">
          {state.granted.map((o) => {
            const card = cardOf(o);
            return (
              <li key={o}>
                <code>{o}</code> <span className="muted small">{card ? card.name : isBroadPattern(o) ? 'every site' : 'self-hosted'}</span>{' '}
                <button
                  type="button"
                  className="btn btn--small"
                  aria-label={`Remove access to ${hostOf(o)}`}
                  onClick={() =>
                    track(api.remove({ origins: [o] }), {
                      ok: `Access to ${hostOf(o)} removed.`,
                      refused: `Access to ${hostOf(o)} was not removed (the browser refused; a demo build always keeps its local sites).`,
                    })
                  }
                >
                  Remove
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

function HostCardView({
  card,
  granted,
  api,
  track,
}: {
  card: HostCard;
  granted: boolean[] | undefined;
  api: PermissionsApi;
  track: (p: Promise<boolean>, done: { ok: string; refused: string }) => void;
}) {
  const statusId = useId();
  const count = granted?.filter(Boolean).length ?? 0;
  const all = !!granted && count === card.origins.length;
  const status = !granted ? 'Checking…' : all ? '✓ Enabled' : count > 0 ? `◐ Partly enabled (${count} of ${card.origins.length} sites)` : '— Not enabled';
  const tone = !granted ? '' : all ? 'on' : count > 0 ? 'partial' : 'off';

  const enable = () =>
    // Called synchronously in the click handler: the browser needs the user gesture.
    track(api.request({ origins: [...card.origins] }), {
      ok: `${card.name} enabled. Its open tabs are read now; new pages as they load.`,
      refused: `${card.name} was not enabled (the request was declined).`,
    });
  const disable = () =>
    track(api.remove({ origins: [...card.origins] }), {
      ok: `${card.name} disabled: Metronome no longer reads it.`,
      refused: `${card.name} could not be disabled.`,
    });

  return (
    <article className={`host-card host-card--${tone}`} aria-labelledby={`${statusId}-name`}>
      <h3 id={`${statusId}-name`}>{card.name}</h3>
      <p className="small">{card.reads}</p>
      <p className="small muted">
        {card.origins.map((o) => (
          <code key={o} className="origin">
            {hostOf(o)}
          </code>
        ))}
      </p>
      <p id={statusId} className={`host-status host-status--${tone}`}>
        {status}
      </p>
      <div className="actions">
        {all ? (
          <button type="button" className="btn" onClick={disable} aria-describedby={statusId} aria-label={`Disable ${card.name}`}>
            Disable
          </button>
        ) : (
          <button type="button" className="btn btn--primary" onClick={enable} aria-describedby={statusId} aria-label={`Enable ${card.name}`}>
            Enable
          </button>
        )}
      </div>
    </article>
  );
}

function SelfHosted({ api, track }: { api: PermissionsApi; track: (p: Promise<boolean>, done: { ok: string; refused: string }) => void }) {
  const [value, setValue] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const id = useId();

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const check = checkSelfHostedOrigin(value);
    if (!check.ok) {
      setProblem(check.reason);
      setNote(null);
      return;
    }
    setProblem(null);
    setNote(check.note ?? null);
    // Still inside the submit gesture: request exactly this one origin.
    track(api.request({ origins: [check.pattern] }), {
      ok: `${check.display} enabled. Its open tabs are read now; new pages as they load.`,
      refused: `${check.display} was not enabled (the request was declined).`,
    });
    setValue('');
  };

  return (
    <form className="self-hosted" onSubmit={onSubmit} noValidate aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>Self-hosted PSA</h3>
      <p className="small muted">
        For a PSA on your own domain (e.g. ConnectWise on-premises). Enter the site only: https://psa.example.com, or
        https://*.example.com for its sub-domains.
      </p>
      <label htmlFor={`${id}-input`}>
        <span>PSA address</span>
      </label>
      <div className="self-hosted__row">
        <input
          id={`${id}-input`}
          type="text"
          inputMode="url"
          autoComplete="off"
          spellCheck={false}
          placeholder="https://psa.example.com"
          value={value}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? `${id}-problem` : note ? `${id}-note` : undefined}
          onChange={(e) => {
            setValue(e.target.value);
            if (problem) setProblem(null);
          }}
        />
        <button type="submit" className="btn btn--primary">
          Add site
        </button>
      </div>
      {problem && (
        <p id={`${id}-problem`} className="opt-error" role="alert">
          ✕ {problem}
        </p>
      )}
      {note && (
        <p id={`${id}-note`} className="small muted">
          {note}
        </p>
      )}
    </form>
  );
}
