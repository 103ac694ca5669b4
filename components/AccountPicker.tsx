/**
 * Account picker: an ARIA 1.2 combobox with type-ahead over names and aliases, keyboard navigable
 * (↑ ↓ Home End Enter Escape), recent accounts when empty. At most `limit` options are rendered so
 * a 1,000-account portfolio stays fast.
 */
import { useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';

export interface PickerAccount {
  id: string;
  name: string;
  aliases?: readonly string[];
  sample?: boolean;
}

export function filterAccounts(accounts: readonly PickerAccount[], query: string, limit: number): PickerAccount[] {
  const q = query.trim().toLowerCase();
  if (!q) return accounts.slice(0, limit);
  const prefix: PickerAccount[] = [];
  const inner: PickerAccount[] = [];
  for (const a of accounts) {
    const names = [a.name, ...(a.aliases ?? [])].map((n) => n.toLowerCase());
    if (names.some((n) => n.startsWith(q) || n.split(/[\s\-&,.]+/).some((w) => w.startsWith(q)))) prefix.push(a);
    else if (names.some((n) => n.includes(q))) inner.push(a);
    if (prefix.length >= limit) break;
  }
  return [...prefix, ...inner].slice(0, limit);
}

export interface AccountPickerProps {
  accounts: readonly PickerAccount[];
  recentIds: readonly string[];
  selectedId: string | null;
  onSelect: (id: string) => void;
  limit?: number;
  /** The list is still loading (the side panel reads it after the shown account). */
  loading?: boolean;
}

export function AccountPicker({ accounts, recentIds, selectedId, onSelect, limit = 50, loading = false }: AccountPickerProps) {
  const id = useId();
  const listId = `${id}-list`;
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const input = useRef<HTMLInputElement>(null);

  const byId = useMemo(() => new Map(accounts.map((a) => [a.id, a])), [accounts]);
  const recent = useMemo(
    () => recentIds.map((r) => byId.get(r)).filter((a): a is PickerAccount => !!a && a.id !== selectedId),
    [recentIds, byId, selectedId],
  );
  const options = useMemo(() => {
    if (!query.trim() && recent.length) return recent;
    return filterAccounts(accounts, query, limit);
  }, [accounts, query, recent, limit]);
  const total = accounts.length;

  const choose = (a: PickerAccount | undefined) => {
    if (!a) return;
    onSelect(a.id);
    setQuery('');
    setOpen(false);
    setActive(0);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    switch (e.key) {
      case 'ArrowDown':
        e.preventDefault();
        if (!open) setOpen(true);
        else setActive((i) => Math.min(options.length - 1, i + 1));
        break;
      case 'ArrowUp':
        e.preventDefault();
        setActive((i) => Math.max(0, i - 1));
        break;
      case 'Home':
        if (open) {
          e.preventDefault();
          setActive(0);
        }
        break;
      case 'End':
        if (open) {
          e.preventDefault();
          setActive(Math.max(0, options.length - 1));
        }
        break;
      case 'Enter':
        if (open) {
          e.preventDefault();
          choose(options[active]);
        }
        break;
      case 'Escape':
        if (open) {
          e.preventDefault();
          setOpen(false);
        } else setQuery('');
        break;
    }
  };

  const showingRecent = !query.trim() && recent.length > 0;
  const activeId = open && options[active] ? `${id}-opt-${active}` : undefined;
  return (
    <div className="picker">
      <label htmlFor={`${id}-input`} className="visually-hidden">
        Find an account
      </label>
      <input
        ref={input}
        id={`${id}-input`}
        type="text"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={activeId}
        placeholder={loading ? 'Find an account…' : `Find an account (${total})`}
        autoComplete="off"
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setOpen(true);
          setActive(0);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onKeyDown={onKeyDown}
      />
      <ul id={listId} role="listbox" aria-label={showingRecent ? 'Recent accounts' : 'Accounts'} className="picker__list" hidden={!open}>
        {open && showingRecent ? (
          <li role="presentation" className="picker__heading">
            Recent
          </li>
        ) : null}
        {open
          ? options.map((a, i) => (
              <li
                key={a.id}
                id={`${id}-opt-${i}`}
                role="option"
                aria-selected={i === active}
                className={i === active ? 'picker__opt picker__opt--active' : 'picker__opt'}
                onMouseDown={(e) => {
                  e.preventDefault();
                  choose(a);
                }}
                onMouseEnter={() => setActive(i)}
              >
                {a.name}
                {a.sample ? <span className="tag tag--sample">Sample</span> : null}
              </li>
            ))
          : null}
        {open && options.length === 0 ? (
          <li role="presentation" className="picker__empty">
            No account matches “{query}”
          </li>
        ) : null}
      </ul>
      <div className="visually-hidden" aria-live="polite">
        {open ? `${options.length} ${options.length === 1 ? 'account' : 'accounts'}${options.length === limit ? ' shown, type to narrow' : ''}` : ''}
      </div>
    </div>
  );
}
