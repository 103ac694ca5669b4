// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AccountPicker, filterAccounts } from './AccountPicker';
import { cleanup, key, mouseDown, render, type } from './testing';

afterEach(cleanup);

const accounts = [
  { id: 'a1', name: 'Acme Dental', aliases: ['ADC'] },
  { id: 'a2', name: 'Blue River Logistics' },
  { id: 'a3', name: 'Northwind Traders', sample: true },
  { id: 'a4', name: 'River Bend Clinic' },
];

describe('filterAccounts — type-ahead', () => {
  it('word prefixes first, then substrings; aliases count; capped', () => {
    expect(filterAccounts(accounts, 'river', 10).map((a) => a.id)).toEqual(['a2', 'a4']);
    expect(filterAccounts(accounts, 'adc', 10).map((a) => a.id)).toEqual(['a1']);
    expect(filterAccounts(accounts, 'ive', 10).map((a) => a.id)).toEqual(['a2', 'a4']);
    expect(filterAccounts(accounts, 'zzz', 10)).toEqual([]);
    expect(filterAccounts(accounts, '', 2)).toHaveLength(2);
  });
});

describe('AccountPicker — ARIA combobox, keyboard only', () => {
  it('type, arrow down, Enter selects; aria-activedescendant follows', async () => {
    const onSelect = vi.fn();
    const { container } = await render(<AccountPicker accounts={accounts} recentIds={[]} selectedId={null} onSelect={onSelect} />);
    const input = container.querySelector('input[role="combobox"]')!;
    expect(input.getAttribute('aria-expanded')).toBe('false');
    expect(container.querySelector('label')?.textContent).toBe('Find an account');
    await type(input, 'riv');
    expect(input.getAttribute('aria-expanded')).toBe('true');
    const opts = () => [...container.querySelectorAll('[role="option"]')];
    expect(opts().map((o) => o.textContent)).toEqual(['Blue River Logistics', 'River Bend Clinic']);
    expect(input.getAttribute('aria-activedescendant')).toBe(opts()[0]!.id);
    await key(input, 'ArrowDown');
    expect(opts()[1]!.getAttribute('aria-selected')).toBe('true');
    expect(input.getAttribute('aria-activedescendant')).toBe(opts()[1]!.id);
    await key(input, 'ArrowDown'); // stays on the last
    await key(input, 'Enter');
    expect(onSelect).toHaveBeenCalledWith('a4');
    expect(input.getAttribute('aria-expanded')).toBe('false');
  });

  it('Escape closes; Home/End jump; recent accounts show first when empty', async () => {
    const onSelect = vi.fn();
    const { container } = await render(<AccountPicker accounts={accounts} recentIds={['a3', 'a1']} selectedId="a1" onSelect={onSelect} />);
    const input = container.querySelector('input[role="combobox"]')!;
    await key(input, 'ArrowDown'); // opens
    const opts = [...container.querySelectorAll('[role="option"]')];
    expect(opts.map((o) => o.textContent)).toEqual(['Northwind TradersSample']); // the selected one is not "recent"
    expect(container.querySelector('[role="listbox"]')?.getAttribute('aria-label')).toBe('Recent accounts');
    await key(input, 'Escape');
    expect(input.getAttribute('aria-expanded')).toBe('false');
    await type(input, 'r');
    await key(input, 'End');
    const all = [...container.querySelectorAll('[role="option"]')];
    expect(all[all.length - 1]!.getAttribute('aria-selected')).toBe('true');
    await key(input, 'Home');
    expect(all[0]!.getAttribute('aria-selected')).toBe('true');
    await mouseDown(all[1]);
    expect(onSelect).toHaveBeenCalledWith(accounts.find((a) => a.name === all[1]!.textContent)!.id);
  });

  it('no match is said, not an empty box', async () => {
    const { container } = await render(<AccountPicker accounts={accounts} recentIds={[]} selectedId={null} onSelect={() => {}} />);
    await type(container.querySelector('input')!, 'zzz');
    expect(container.querySelector('.picker__empty')?.textContent).toBe('No account matches “zzz”');
  });
});
