/**
 * The mapped social-intent rows (see training-map.ts), built the same way by the training script
 * and the eval, then split by the shared development split.
 */
import { readJsonl, splitRows } from '../learn/dataset.ts';
import { looksLikeQuestion } from './rules.ts';
import type { Intent } from './schema.ts';
import {
  BANKING77,
  BITEXT,
  CAP_PER_SOURCE_INTENT,
  CAP_TWEETS,
  CLINC150,
  PRAISE,
  SERVICE_FAILURE,
  type Topic,
  TWEET_LANGS,
} from './training-map.ts';

export type SocialRow = { text: string; intent: Intent; topic: Topic; source: string };

type IntentRow = { text: string; intent: string };

function mapRows(
  rows: IntentRow[],
  table: Record<string, readonly [Intent, Topic]>,
  source: string,
  cap: (intent: string) => number,
): SocialRow[] {
  const taken = new Map<string, number>();
  const out: SocialRow[] = [];
  for (const r of rows) {
    const mapped = table[r.intent];
    if (!mapped) continue;
    const n = taken.get(r.intent) ?? 0;
    if (n >= cap(r.intent)) continue;
    taken.set(r.intent, n + 1);
    out.push({ text: r.text, intent: mapped[0], topic: mapped[1], source: `${source}:${r.intent}` });
  }
  return out;
}

export function buildSocialRows(): SocialRow[] {
  const rows: SocialRow[] = [];
  rows.push(
    ...mapRows(readJsonl<IntentRow>('intents.bitext-support.jsonl'), BITEXT, 'bitext', () => Infinity),
  );
  rows.push(
    ...mapRows(
      readJsonl<IntentRow>('intents.banking77.train.jsonl'),
      BANKING77,
      'banking77',
      () => CAP_PER_SOURCE_INTENT.banking77,
    ),
  );
  rows.push(
    ...mapRows(readJsonl<IntentRow>('intents.clinc150.train.jsonl'), CLINC150, 'clinc150', (i) =>
      i === 'oos' ? CAP_PER_SOURCE_INTENT.clincOos : CAP_PER_SOURCE_INTENT.clinc150,
    ),
  );
  let ham = 0;
  const statement = (text: string) => !looksLikeQuestion(text);
  for (const r of readJsonl<{ text: string; label: string }>('spam.sms.train.jsonl')) {
    if (r.label === 'spam') rows.push({ text: r.text, intent: 'spam', topic: 'other', source: 'sms:spam' });
    else if (statement(r.text) && ham++ < CAP_PER_SOURCE_INTENT.ham)
      rows.push({ text: r.text, intent: 'other', topic: 'other', source: 'sms:ham' });
  }
  let praise = 0;
  let neutral = 0;
  let failure = 0;
  for (const r of readJsonl<{ text: string; label: string; lang: string }>('sentiment.train.jsonl')) {
    if (!TWEET_LANGS.has(r.lang)) continue;
    if (r.label === 'positive' && PRAISE.test(r.text) && praise < CAP_TWEETS.compliment) {
      praise++;
      rows.push({ text: r.text, intent: 'compliment', topic: 'feedback', source: `tweets:${r.lang}` });
    } else if (r.label === 'negative' && SERVICE_FAILURE.test(r.text) && failure < CAP_TWEETS.complaint) {
      failure++;
      rows.push({ text: r.text, intent: 'complaint', topic: 'complaint', source: `tweets:${r.lang}` });
    } else if (r.label === 'neutral' && statement(r.text) && neutral < CAP_TWEETS.other) {
      neutral++;
      rows.push({ text: r.text, intent: 'other', topic: 'other', source: `tweets:${r.lang}` });
    }
  }
  return rows;
}

export function socialSplit(): { train: SocialRow[]; dev: SocialRow[] } {
  return splitRows(buildSocialRows());
}
