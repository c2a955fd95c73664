import { describe, expect, it } from 'vitest';
import { isUsableRedirect, readCrmRedirect } from './crm-redirect.ts';

const STATE = '0f8b6c1e-9a4d-4c1b-8f3e-2d7a5b9c0e11';

describe('the CRM’s redirect back to the dashboard', () => {
  it('reads code and state', () => {
    const redirect = readCrmRedirect(`?code=abc123&state=${STATE}`);
    expect(redirect).toEqual({
      state: STATE,
      code: 'abc123',
      error: null,
      errorDescription: null,
      extra: {},
    });
    expect(isUsableRedirect(redirect)).toBe(true);
  });

  it('passes on the other parameters, like Zoho’s data centre', () => {
    const redirect = readCrmRedirect(
      `?state=${STATE}&code=1000.x&location=eu&accounts-server=${encodeURIComponent('https://accounts.zoho.eu')}`,
    );
    expect(redirect.extra).toEqual({ location: 'eu', 'accounts-server': 'https://accounts.zoho.eu' });
  });

  it('leaves out parameters the server would refuse for their length', () => {
    const redirect = readCrmRedirect(
      `?state=${STATE}&code=c&${'k'.repeat(41)}=v&long=${'v'.repeat(501)}&ok=1`,
    );
    expect(redirect.extra).toEqual({ ok: '1' });
  });

  it('reads a refusal', () => {
    const redirect = readCrmRedirect(
      `?error=access_denied&error_description=User+denied+access&state=${STATE}`,
    );
    expect(redirect.error).toBe('access_denied');
    expect(redirect.errorDescription).toBe('User denied access');
    expect(redirect.extra).toEqual({});
    expect(isUsableRedirect(redirect)).toBe(true);
  });

  it('knows an answer that cannot be one of the server’s attempts', () => {
    expect(isUsableRedirect(readCrmRedirect(''))).toBe(false);
    expect(isUsableRedirect(readCrmRedirect(`?state=${STATE}`))).toBe(false);
    expect(isUsableRedirect(readCrmRedirect('?state=not-a-uuid&code=abc'))).toBe(false);
    expect(isUsableRedirect(readCrmRedirect('?code=abc'))).toBe(false);
  });
});
