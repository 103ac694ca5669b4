/**
 * User-visible notices (errors from the background, confirmations). A tiny store the `Notices`
 * component subscribes to, so any helper can surface a message without prop drilling.
 */
export type NoticeKind = 'error' | 'info';
export interface Notice {
  id: number;
  kind: NoticeKind;
  text: string;
}

type Listener = (notices: readonly Notice[]) => void;
let notices: Notice[] = [];
let nextId = 1;
const listeners = new Set<Listener>();

function emit() {
  for (const l of listeners) l(notices);
}

export function notify(kind: NoticeKind, text: string): number {
  const id = nextId++;
  notices = [...notices.slice(-4), { id, kind, text }];
  emit();
  return id;
}

export function dismissNotice(id: number): void {
  notices = notices.filter((n) => n.id !== id);
  emit();
}

export function subscribeNotices(l: Listener): () => void {
  listeners.add(l);
  l(notices);
  return () => listeners.delete(l);
}

export function currentNotices(): readonly Notice[] {
  return notices;
}

/** Tests: start clean. */
export function resetNotices(): void {
  notices = [];
  emit();
}
