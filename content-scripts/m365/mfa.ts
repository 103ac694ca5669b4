/**
 * Entra admin center → Authentication methods → User registration details, as rendered (fallback
 * for when the Graph response was not seen). One row per user; MFA registration % leaves guests,
 * disabled and service/test/lab accounts out of the denominator, as the Graph reader does.
 */
import { indexLabels } from '../core/dom';
import type { PageReading, PageTypeReader, ReadContext } from '../core/types';
import { readGrid, yesNo, type GridReading } from './grid';
import { adoptionObservation, ADAPTER, countsText, emptyReading, M365_INSIGHTS } from './observe';
import { exclusionMatcher, isExcludedAccount, m365Options, type M365Options } from './options';
import { pageTenant } from './tenant';

export const MFA_COLUMNS = {
  upn: ['User principal name', 'UPN', 'Username', 'User name', 'Sign-in name'],
  name: ['Display name', 'Name'],
  userType: ['User type'],
  registered: ['Multifactor authentication registered', 'Multi-factor authentication registered', 'MFA registered', 'Registered for MFA'],
  capable: ['Multifactor authentication capable', 'Multi-factor authentication capable', 'MFA capable'],
  methods: ['Methods registered', 'Registered methods', 'Authentication methods'],
  enabled: ['Account enabled', 'Account status', 'Sign-in status', 'Sign-in allowed'],
} as const;
type MfaKey = keyof typeof MFA_COLUMNS;

/** Methods that are not a second factor on their own. */
const WEAK_METHODS = /^(email|password|security questions?|securityquestion|none|-)$/i;

/** Registered for MFA per row: the "registered" column, else "capable", else any strong method. */
function mfaOf(row: Partial<Record<MfaKey, string>>, g: GridReading<MfaKey>): boolean | undefined {
  if (g.columns.registered !== undefined) return yesNo(row.registered);
  if (g.columns.capable !== undefined) return yesNo(row.capable);
  const methods = (row.methods ?? '').split(/[,;]/).map((m) => m.trim()).filter(Boolean);
  return methods.some((m) => !WEAK_METHODS.test(m));
}

const hasMfaColumn = (g: GridReading<MfaKey>): boolean =>
  g.columns.registered !== undefined || g.columns.capable !== undefined || g.columns.methods !== undefined;

export function mfaReader(options: Partial<M365Options> = {}): PageTypeReader {
  const opts = m365Options(options);
  const excluded = exclusionMatcher(opts.excludePatterns);
  return {
    id: 'm365/mfa',
    adapter: ADAPTER,
    pageType: 'm365-mfa',
    required: ['users', 'mfaStatus', 'tenant'],
    matchesUrl: (url) => /UserRegistrationDetails/i.test(url.hash) || /\/UserRegistrationDetails\/?$/i.test(url.pathname),
    matchesDocument(doc) {
      const g = readGrid(doc, MFA_COLUMNS, ['upn']);
      return g !== undefined && hasMfaColumn(g);
    },
    read(doc: Document, ctx: ReadContext): PageReading {
      const out = emptyReading('m365-mfa');
      const g = readGrid(doc, MFA_COLUMNS, ['upn']);
      if (!g) return { ...out, missing: ['users'] };
      if (!hasMfaColumn(g)) return { ...out, missing: ['mfaStatus'] };
      if (g.declaredRows !== undefined && g.rows.length < g.declaredRows) {
        out.warnings.push(`only ${g.rows.length} of ${g.declaredRows} users are rendered (scroll to load the rest): MFA % not computed`);
        return out;
      }
      let guests = 0;
      let disabled = 0;
      let service = 0;
      let counted = 0;
      let covered = 0;
      const upns: string[] = [];
      for (const row of g.rows) {
        const upn = row.upn ?? '';
        if (!upn) continue;
        upns.push(upn);
        if (normal(row.userType) === 'guest' || upn.includes('#EXT#')) guests++;
        else if (yesNo(row.enabled) === false) disabled++;
        else if (isExcludedAccount(excluded, upn, row.name)) service++;
        else {
          const mfa = mfaOf(row, g);
          if (mfa === undefined) {
            out.warnings.push(`${upn}: MFA status "${row.registered ?? row.capable ?? ''}" not understood; row skipped`);
            continue;
          }
          counted++;
          if (mfa) covered++;
        }
      }
      const tenant = pageTenant(opts.tenant, ctx.url, () => indexLabels(doc), upns);
      if (!tenant) return { ...out, missing: ['tenant'] };
      if (counted === 0) {
        out.warnings.push('no users in scope (after leaving out guests, disabled and service accounts): no MFA reading');
        return out;
      }
      const left = countsText([
        [guests, 'guest', 'guests'],
        [disabled, 'disabled', 'disabled'],
        [service, 'service/test account', 'service/test accounts'],
      ]);
      out.observations.push(
        adoptionObservation(ctx, 'm365-mfa', tenant, {
          insight: M365_INSIGHTS.mfa,
          counted,
          covered,
          detail: `MFA registered: ${covered} of ${counted} users${left ? ` (left out: ${left})` : ''}`,
        }),
      );
      return out;
    },
  };
}

const normal = (s: string | undefined): string => (s ?? '').trim().toLowerCase();
