// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { send } from '../ui/send';
import { AccountEditor, buildPatch } from './AccountEditor';
import { ACCOUNT } from './fixtures';
import { cleanup, click, field, render, submit, type } from './testing';

vi.mock('../ui/send', () => ({ send: vi.fn(async () => ({ ok: true })) }));
const sendMock = vi.mocked(send);
beforeEach(() => sendMock.mockClear());
afterEach(cleanup);

const same = {
  maturity: '4',
  appetite: '2',
  goalLevel: '',
  mrr: '12500',
  renewalDate: '2027-03-31',
  fiscalYearEnd: '06-30',
  roles: { am: 'Dana Cho', csm: 'Sam Lee' },
  overrideMode: 'keep' as const,
  overrideSegment: 'A' as const,
  rationale: '',
};

describe('buildPatch — only what changed; DECISIONS §1 override needs a rationale', () => {
  it('unchanged form → empty patch', () => {
    expect(buildPatch(ACCOUNT, same)).toEqual({ patch: {}, errors: [] });
  });
  it('cleared fields become null; roles are sent whole', () => {
    expect(buildPatch(ACCOUNT, { ...same, maturity: '', renewalDate: '', roles: { am: 'Dana Cho', csm: '', vcio: 'Ravi' } }).patch).toEqual({
      maturity: null,
      renewalDate: null,
      roles: { am: 'Dana Cho', vcio: 'Ravi' },
    });
  });
  it('override without rationale is refused; with one it is sent; remove sends null', () => {
    expect(buildPatch(ACCOUNT, { ...same, overrideMode: 'set', rationale: ' x ' }).errors).toEqual(['A segment override needs a rationale']);
    expect(buildPatch(ACCOUNT, { ...same, overrideMode: 'set', rationale: 'Board sponsor' }).patch).toEqual({
      segmentOverride: { segment: 'A', rationale: 'Board sponsor' },
    });
    expect(buildPatch(ACCOUNT, { ...same, overrideMode: 'clear' }).patch).toEqual({ segmentOverride: null });
  });
  it('bad MRR and fiscal year end are named', () => {
    expect(buildPatch(ACCOUNT, { ...same, mrr: '-5', fiscalYearEnd: '13-01' }).errors).toEqual([
      'MRR must be a positive number',
      'Fiscal year end must be MM-dd, e.g. 06-30',
    ]);
  });
});

describe('AccountEditor — edit in place sends account.update', () => {
  it('MRR and segment override with rationale', async () => {
    const onDone = vi.fn();
    const { container } = await render(<AccountEditor account={ACCOUNT} onDone={onDone} />);
    await type(field(container, 'MRR'), '15,000');
    await click([...container.querySelectorAll<HTMLInputElement>('input[type="radio"]')].find((r) => r.parentElement?.textContent?.trim() === 'Override'));
    await type(field<HTMLSelectElement>(container, 'Segment'), 'B');
    await type(field(container, 'Rationale (required)'), 'Budget owner engaged, low maturity');
    await submit(container.querySelector('form'));
    expect(sendMock).toHaveBeenCalledWith({
      type: 'account.update',
      accountId: ACCOUNT.id,
      patch: { mrr: 15000, segmentOverride: { segment: 'B', rationale: 'Budget owner engaged, low maturity' } },
    });
    expect(onDone).toHaveBeenCalled();
  });
  it('an override without rationale is not sent and the error is announced', async () => {
    const { container } = await render(<AccountEditor account={ACCOUNT} onDone={() => {}} />);
    await click([...container.querySelectorAll<HTMLInputElement>('input[type="radio"]')].find((r) => r.parentElement?.textContent?.trim() === 'Override'));
    await submit(container.querySelector('form'));
    expect(sendMock).not.toHaveBeenCalled();
    expect(container.querySelector('[role="alert"]')?.textContent).toBe('A segment override needs a rationale');
  });
});
