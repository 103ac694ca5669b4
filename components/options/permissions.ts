/**
 * The browser's permissions API behind a small interface, so the options page can be tested with
 * a stub (WXT's fake browser does not implement `permissions`). `request` must be called straight
 * from a click or submit handler: browsers only grant host access during a user gesture.
 */
import { createContext, useContext, useMemo } from 'react';
import { browser } from 'wxt/browser';

export interface OriginsRequest {
  origins: string[];
}

export interface PermissionsApi {
  contains(p: OriginsRequest): Promise<boolean>;
  request(p: OriginsRequest): Promise<boolean>;
  remove(p: OriginsRequest): Promise<boolean>;
  getAll(): Promise<{ origins?: string[] }>;
  /** Call `listener` whenever permissions change (granted or removed anywhere); returns unsubscribe. */
  subscribe(listener: () => void): () => void;
}

export function browserPermissions(): PermissionsApi {
  const p = browser.permissions;
  return {
    contains: (x) => p.contains(x),
    request: (x) => p.request(x),
    remove: (x) => p.remove(x),
    getAll: () => p.getAll(),
    subscribe(listener) {
      const l = () => listener();
      // Some browsers (and test fakes) lack these events: the page then re-checks on focus only.
      const safe = (f: () => void) => {
        try {
          f();
        } catch {
          /* not available */
        }
      };
      safe(() => p.onAdded.addListener(l));
      safe(() => p.onRemoved.addListener(l));
      return () => {
        safe(() => p.onAdded.removeListener(l));
        safe(() => p.onRemoved.removeListener(l));
      };
    },
  };
}

export const PermissionsContext = createContext<PermissionsApi | null>(null);

export function usePermissions(): PermissionsApi {
  const injected = useContext(PermissionsContext);
  return useMemo(() => injected ?? browserPermissions(), [injected]);
}
