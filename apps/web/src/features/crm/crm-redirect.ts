// What a CRM's consent page put in the address when it sent the browser back to
// /crm/callback/:vendor. Pure, unit-tested in crm-redirect.test.ts.

export interface CrmRedirect {
  state: string | null;
  code: string | null;
  error: string | null;
  errorDescription: string | null;
  /**
   * Every other parameter, which the server needs to finish (Zoho names the data centre that
   * issued the code in `location` and `accounts-server`).
   */
  extra: Record<string, string>;
}

const OWN = new Set(['state', 'code', 'error', 'error_description', 'error_uri']);
// The limits of CrmCompleteConnectBody.extra: a longer parameter would make the whole request fail.
const MAX_KEY = 40;
const MAX_VALUE = 500;

export function readCrmRedirect(search: string): CrmRedirect {
  const params = new URLSearchParams(search);
  const extra: Record<string, string> = {};
  for (const [key, value] of params) {
    if (OWN.has(key) || key.length === 0 || key.length > MAX_KEY || value.length > MAX_VALUE) continue;
    extra[key] = value;
  }
  return {
    state: params.get('state'),
    code: params.get('code'),
    error: params.get('error'),
    errorDescription: params.get('error_description'),
    extra,
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The server's states are UUIDs; anything else cannot be one of its attempts. */
export function isUsableRedirect(redirect: CrmRedirect): boolean {
  return redirect.state !== null && UUID.test(redirect.state) && Boolean(redirect.code || redirect.error);
}
