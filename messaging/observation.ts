/**
 * Validation of observations arriving from content scripts: each one must be a valid Signal (but for
 * its accountId, which the background resolves) plus a `company` reference. Invalid items are
 * reported one by one and dropped; they never reach storage.
 */
import { z } from 'zod';
import type { Observation } from '../content-scripts/core/types';
import { Signal } from '../engine/signals';

export const CompanyRef = z
  .object({
    psaId: z.string().min(1).max(200).optional(),
    name: z.string().trim().min(1).max(300).optional(),
    tenant: z.string().min(1).max(253).optional(),
  })
  .strict()
  .refine((c) => c.psaId || c.name || c.tenant, 'a company needs a PSA id, a name or a tenant');

const UNRESOLVED = '__unresolved__';

export interface ObservationCheck {
  valid: Observation[];
  errors: { index: number; path: string; message: string }[];
}

export function validateObservations(items: readonly unknown[]): ObservationCheck {
  const valid: Observation[] = [];
  const errors: ObservationCheck['errors'] = [];
  items.forEach((item, index) => {
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      errors.push({ index, path: '(root)', message: 'expected an object' });
      return;
    }
    const { company, ...rest } = item as Record<string, unknown>;
    const c = CompanyRef.safeParse(company);
    const s = Signal.safeParse({ ...rest, accountId: UNRESOLVED });
    if (!c.success) for (const i of c.error.issues) errors.push({ index, path: ['company', ...i.path].join('.'), message: i.message });
    if (!s.success) for (const i of s.error.issues) errors.push({ index, path: i.path.join('.') || '(root)', message: i.message });
    if (c.success && s.success) {
      const { accountId: _drop, ...signal } = s.data;
      valid.push({ ...signal, company: c.data } as Observation);
    }
  });
  return { valid, errors };
}
