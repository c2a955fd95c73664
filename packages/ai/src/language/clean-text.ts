/**
 * Tweets arrive with the artefacts of whoever collected them: the TweetEval files keep `\u2019`
 * escapes and HTML entities, XLM-T replaced links by a bare `http` and the Hindi set by `http/URL`
 * and `@someUSER`. Left alone, a model learns "`@someUSER` means Hindi". Both local models read
 * text through these functions so training data and live messages look the same.
 */

const ESCAPE_RE = /\\u([0-9a-fA-F]{4})/g;
const ENTITIES: Record<string, string> = {
  '&amp;': '&',
  '&gt;': '>',
  '&lt;': '<',
  '&quot;': '"',
  '&#39;': "'",
};
const ENTITY_RE = /&(?:amp|gt|lt|quot|#39);/g;
const URL_RE = /\bhttps?:\/\/\S+|\bwww\.\S+|\bhttp\/url\b|\bhttps?\b(?![:/])/gi;
const MENTION_RE = /(^|[^\w@])@\w{1,30}/g;

/** Decoded entities and escapes, every link as `httpurl`, every @handle as `@user`. */
export function canonicalTweet(text: string): string {
  return text
    .replace(ESCAPE_RE, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)))
    .replace(ENTITY_RE, (e) => ENTITIES[e] ?? e)
    .replace(URL_RE, ' httpurl ')
    .replace(MENTION_RE, '$1@user');
}

const PLACEHOLDER_RE = /\bhttpurl\b|@user\b|\brt\b/gi;

/** Only the words that say which language a message is in: no links, handles, `#` or `RT`. */
export function languageText(text: string): string {
  return canonicalTweet(text).replace(PLACEHOLDER_RE, ' ').replace(/#/g, ' ').replace(/\s+/g, ' ').trim();
}
