/**
 * Zoho's data centres (platform-contracts.md §9.3, from zohocrm-nodejs-sdk-8.0's route tables):
 * each has its own accounts server (OAuth) and API domain. A connection keeps the ones its
 * authorisation named; `region` only picks where the person signs in.
 */
export const ZOHO_REGIONS = {
  us: { accounts: 'accounts.zoho.com', api: 'www.zohoapis.com' },
  eu: { accounts: 'accounts.zoho.eu', api: 'www.zohoapis.eu' },
  in: { accounts: 'accounts.zoho.in', api: 'www.zohoapis.in' },
  au: { accounts: 'accounts.zoho.com.au', api: 'www.zohoapis.com.au' },
  jp: { accounts: 'accounts.zoho.jp', api: 'www.zohoapis.jp' },
  cn: { accounts: 'accounts.zoho.com.cn', api: 'www.zohoapis.com.cn' },
  ca: { accounts: 'accounts.zohocloud.ca', api: 'www.zohoapis.ca' },
  sa: { accounts: 'accounts.zoho.sa', api: 'www.zohoapis.sa' },
} as const;

export type ZohoRegion = keyof typeof ZOHO_REGIONS;

export function zohoRegion(region: string | undefined): ZohoRegion {
  const r = (region ?? 'us').toLowerCase();
  return r in ZOHO_REGIONS ? (r as ZohoRegion) : 'us';
}

const hosts = (kind: 'accounts' | 'api') =>
  Object.values(ZOHO_REGIONS).map((r) => r[kind].replace(/\./g, '\\.'));
export const ACCOUNTS_HOST = new RegExp(`^(${hosts('accounts').join('|')})$`);
/** Production, sandbox and developer API domains of every data centre. */
export const API_HOST = new RegExp(
  `^(${hosts('api')
    .map((h) => h.replace(/^www/, '(www|sandbox|developer)'))
    .join('|')})$`,
);
