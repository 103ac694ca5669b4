import { describe, expect, it } from 'vitest';
import { accountFromUrl } from './App';

describe('sidepanel.html?account=<id> (PRODUCT §6: works on any tab for a chosen account)', () => {
  it('reads the account id, trimmed; absent or empty → null (the panel follows the tab)', () => {
    expect(accountFromUrl('?account=acct-001')).toBe('acct-001');
    expect(accountFromUrl('?x=1&account=%20acct-7%20')).toBe('acct-7');
    expect(accountFromUrl('')).toBeNull();
    expect(accountFromUrl('?account=')).toBeNull();
    expect(accountFromUrl('?accounts=acct-001')).toBeNull();
  });
  it('caps a hostile id at 200 characters (it is only ever a lookup key, never markup)', () => {
    expect(accountFromUrl(`?account=${'a'.repeat(500)}`)).toHaveLength(200);
  });
});
