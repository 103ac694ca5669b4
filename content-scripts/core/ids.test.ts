import { describe, expect, it } from 'vitest';
import { normalizeHost, signalId } from './ids';

describe('signalId', () => {
  it('kind:host:entity with a lower-cased host', () => {
    expect(signalId('ticket', 'Acme.MyConnectWise.net', '284511')).toBe('ticket:acme.myconnectwise.net:284511');
    expect(signalId('accountFacts', 'acme.myconnectwise.net', 19300)).toBe('accountFacts:acme.myconnectwise.net:19300');
  });
  it('drops the port so the demo server port does not fork entities', () => {
    expect(signalId('ticket', '127.0.0.1:5173', ' 284511 ')).toBe('ticket:127.0.0.1:284511');
    expect(normalizeHost('[::1]:8080')).toBe('[::1]');
    expect(normalizeHost('[::1]')).toBe('[::1]');
  });
});
