import { describe, expect, it } from 'vitest';
import { isObservedUrl } from './page-observer';

describe('isObservedUrl: only whitelisted API paths are forwarded', () => {
  const base = 'https://acme.halopsa.com/ticket?id=5';
  it.each([
    ['/api/Tickets', true],
    ['/api/Tickets/1234', true],
    ['https://acme.halopsa.com/api/Client/55', true],
    ['/api/ClientContract', true],
    ['https://graph.microsoft.com/v1.0/reports/authenticationMethods/userRegistrationDetails', true],
    ['https://graph.microsoft.com/v1.0/subscribedSkus', true],
    ['/api/Agent/me', false],
    ['/api/Tickets/1234/attachments', false],
    ['javascript:alert(1)', false],
    ['/auth/token', false],
  ])('%s → %s', (url, expected) => {
    expect(isObservedUrl(url, base) !== null).toBe(expected);
  });
});
