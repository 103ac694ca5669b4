/**
 * Plain React DOM test helpers (no testing-library): render into a jsdom container with `act`,
 * query by text/role, click, type into controlled inputs.
 */
import { act, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

export interface Rendered {
  container: HTMLElement;
  root: Root;
  rerender: (ui: ReactNode) => Promise<void>;
  unmount: () => void;
}

const mounted: Rendered[] = [];

export async function render(ui: ReactNode): Promise<Rendered> {
  const container = document.createElement('div');
  document.body.appendChild(container);
  const root = createRoot(container);
  await act(async () => root.render(ui));
  const r: Rendered = {
    container,
    root,
    rerender: async (next) => act(async () => root.render(next)),
    unmount: () => {
      act(() => root.unmount());
      container.remove();
    },
  };
  mounted.push(r);
  return r;
}

export function cleanup(): void {
  while (mounted.length) mounted.pop()!.unmount();
}

export async function click(el: Element | null | undefined): Promise<void> {
  if (!el) throw new Error('click: element not found');
  await act(async () => {
    (el as HTMLElement).dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }));
  });
}

export async function mouseDown(el: Element | null | undefined): Promise<void> {
  if (!el) throw new Error('mouseDown: element not found');
  await act(async () => {
    el.dispatchEvent(new MouseEvent('mousedown', { bubbles: true, cancelable: true }));
  });
}

/** Set a controlled input/textarea/select value the way React notices it. */
export async function type(el: Element | null | undefined, value: string): Promise<void> {
  if (!el) throw new Error('type: element not found');
  const proto = Object.getPrototypeOf(el) as object;
  const setter = Object.getOwnPropertyDescriptor(proto, 'value')?.set;
  await act(async () => {
    setter?.call(el, value);
    el.dispatchEvent(new Event(el instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }));
  });
}

export async function key(el: Element | null | undefined, k: string): Promise<void> {
  if (!el) throw new Error('key: element not found');
  await act(async () => {
    el.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true }));
  });
}

export async function submit(form: Element | null | undefined): Promise<void> {
  if (!form) throw new Error('submit: form not found');
  await act(async () => {
    form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
  });
}

/** Elements whose own text content (trimmed) matches. */
export function byText<T extends Element = HTMLElement>(root: ParentNode, text: string | RegExp, selector = '*'): T[] {
  return [...root.querySelectorAll<T>(selector)].filter((el) => {
    const t = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
    return typeof text === 'string' ? t === text : text.test(t);
  });
}

export function button(root: ParentNode, text: string | RegExp): HTMLButtonElement {
  const found = byText<HTMLButtonElement>(root, text, 'button');
  if (!found[0]) throw new Error(`button ${String(text)} not found`);
  return found[0];
}

/** The form control labelled `label` (via <label for> or aria-label). */
export function field<T extends HTMLElement = HTMLInputElement>(root: ParentNode, label: string | RegExp): T {
  for (const l of root.querySelectorAll('label')) {
    const span = l.querySelector('span');
    const t = ((span ?? l).textContent ?? '').replace(/\s+/g, ' ').trim();
    if (typeof label === 'string' ? t === label : label.test(t)) {
      const f = l.htmlFor ? (root as Document | Element).querySelector(`[id="${l.htmlFor}"]`) : l.querySelector('input,select,textarea');
      if (f) return f as T;
    }
  }
  throw new Error(`field ${String(label)} not found`);
}

export async function flush(): Promise<void> {
  await act(async () => {
    await new Promise((r) => setTimeout(r, 0));
  });
}
