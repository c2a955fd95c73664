const URL_RE = /\bhttps?:\/\/\S+|\bwww\.\S+/gi;
const USER_RE = /(^|\s)@\w{1,30}/g;
const DIGITS_RE = /\d/g;
const REPEAT_RE = /(\p{L})\1{2,}/gu;

/**
 * One canonical form for every model: Unicode NFKC, lower case, links and @handles as placeholders,
 * every digit as 0 (prices and phone numbers share shapes, not values), letters repeated 3+ times
 * cut to two ("sooooo" → "soo").
 */
export function normalizeText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(URL_RE, ' httpurl ')
    .replace(USER_RE, '$1@user')
    .replace(DIGITS_RE, '0')
    .replace(REPEAT_RE, '$1$1');
}
