/**
 * The active tab shows a Microsoft 365 tenant no account is linked to: ask the user once which
 * account it belongs to. Linking adds the tenant to the account and re-reads the page, so the
 * admin center's figures land on that account from now on.
 */
import { useState } from 'react';
import { browser } from 'wxt/browser';
import type { Account } from '../engine/signals';
import { send } from '../ui/send';
import { AccountPicker } from './AccountPicker';

export interface TenantLinkProps {
  tenant: string;
  tabId: number;
  accounts: readonly Account[];
}

export function TenantLink({ tenant, tabId, accounts }: TenantLinkProps) {
  const [chosen, setChosen] = useState<string | null>(null);
  const [state, setState] = useState<{ busy: boolean; done?: string; error?: string }>({ busy: false });
  const account = accounts.find((a) => a.id === chosen);

  const link = async () => {
    if (!account) return;
    setState({ busy: true });
    const tenants = [...new Set([...account.tenants, tenant.toLowerCase()])];
    const reply = await send({ type: 'account.update', accountId: account.id, patch: { tenants } }, { quiet: true });
    if (!reply.ok) return setState({ busy: false, error: reply.error || 'The link was not saved.' });
    await browser.tabs.sendMessage(tabId, { type: 'page.reread' }).catch(() => undefined);
    setState({ busy: false, done: `${tenant} is now linked to ${account.name}.` });
  };

  if (state.done) return <p role="status" className="notice notice--ok">{state.done}</p>;
  return (
    <section className="tenant-link" aria-labelledby="tenant-link-title">
      <h2 id="tenant-link-title" className="tenant-link__title">
        Link this Microsoft 365 tenant
      </h2>
      <p>
        This page shows the tenant <strong>{tenant}</strong>, which no account is linked to yet. Which client is it? You do this
        once; its MFA, licence, Secure Score and usage figures then count towards that account’s Technology Adoption.
      </p>
      <AccountPicker accounts={accounts} recentIds={[]} selectedId={chosen} onSelect={setChosen} />
      <button type="button" onClick={() => void link()} disabled={!account || state.busy}>
        {account ? `Link to ${account.name}` : 'Link'}
      </button>
      {state.error ? <p role="alert">{state.error}</p> : null}
    </section>
  );
}
