/** Zoho's data centres: the accounts server (OAuth) and the API domain of each (platform-contracts.md §9.3). */
export const ZOHO_DCS = {
  us: { accounts: 'accounts.zoho.com', api: 'www.zohoapis.com' },
  eu: { accounts: 'accounts.zoho.eu', api: 'www.zohoapis.eu' },
  in: { accounts: 'accounts.zoho.in', api: 'www.zohoapis.in' },
  au: { accounts: 'accounts.zoho.com.au', api: 'www.zohoapis.com.au' },
  jp: { accounts: 'accounts.zoho.jp', api: 'www.zohoapis.jp' },
  cn: { accounts: 'accounts.zoho.com.cn', api: 'www.zohoapis.com.cn' },
  ca: { accounts: 'accounts.zohocloud.ca', api: 'www.zohoapis.ca' },
  sa: { accounts: 'accounts.zoho.sa', api: 'www.zohoapis.sa' },
} as const;

export type ZohoDc = keyof typeof ZOHO_DCS;

export const dcOfApiHost = (host: string): ZohoDc | undefined =>
  (Object.keys(ZOHO_DCS) as ZohoDc[]).find((dc) => ZOHO_DCS[dc].api === host);

export const dcOf = (dc: string | undefined): ZohoDc => (dc && dc in ZOHO_DCS ? (dc as ZohoDc) : 'us');
