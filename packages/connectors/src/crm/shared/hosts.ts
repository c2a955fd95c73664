/**
 * Where a vendor host lives: `https://<host>` for real, or `<baseUrl>/<host>` when the operator
 * points the app at the sandbox (it mounts every vendor host under its own path, e.g.
 * `http://127.0.0.1:4000/sandbox/crm/zoho/accounts.zoho.eu`).
 */
import { ConnectorError } from '../../errors.ts';
import type { CrmAppConfig } from '../types.ts';

export function vendorBase(app: Pick<CrmAppConfig, 'baseUrl'>, host: string): string {
  return app.baseUrl ? `${app.baseUrl.replace(/\/+$/, '')}/${host}` : `https://${host}`;
}

/**
 * Checks a URL a vendor handed back (Salesforce instance_url, Zoho api_domain and accounts-server,
 * Pipedrive api_domain) before tokens or the client secret are sent to it. Zoho's accounts-server
 * arrives in the browser's redirect, so anyone can forge it; the others come from the token answer.
 */
export function checkVendorUrl(
  app: Pick<CrmAppConfig, 'baseUrl'>,
  url: string,
  host: RegExp,
  what: string,
): string {
  const trimmed = url.replace(/\/+$/, '');
  let hostname: string | undefined;
  if (app.baseUrl) {
    const base = app.baseUrl.replace(/\/+$/, '');
    if (trimmed.startsWith(`${base}/`)) hostname = trimmed.slice(base.length + 1);
  } else {
    try {
      const parsed = new URL(trimmed);
      if (parsed.protocol === 'https:' && parsed.pathname === '/' && !parsed.search)
        hostname = parsed.hostname;
    } catch {
      hostname = undefined;
    }
  }
  if (!hostname || !host.test(hostname))
    throw new ConnectorError('permanent', `${what} is not a host of the vendor: ${trimmed.slice(0, 100)}`);
  return trimmed;
}
