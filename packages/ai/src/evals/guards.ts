/**
 * The guards on data they never trained on: spam and prompt injection on the development split
 * (dataset.ts), injection also on its German rows (as the language detector reads them) and by its
 * learned model alone; the share of real customer-support messages either would stop; PII
 * precision/recall per type on test/fixtures/pii-realistic.jsonl; the profanity detector on a
 * fixed set of must-flag and must-not-flag messages.
 */
import { readFileSync } from 'node:fs';
import { detectInjection, injectionModelScore } from '../guardrails/detect-injection.ts';
import { detectProfanity } from '../guardrails/detect-profanity.ts';
import { detectSpam } from '../guardrails/detect-spam.ts';
import { findPii } from '../guardrails/find-pii.ts';
import { scorePiiSpans } from '../guardrails/pii-scoring.ts';
import { PII_TYPES } from '../guardrails/schema.ts';
import { detectLanguage } from '../language/index.ts';
import { readJsonl, splitRows } from '../learn/dataset.ts';

type Row = { text: string; label: string };
const PII_FIXTURE = new URL('../../test/fixtures/pii-realistic.jsonl', import.meta.url);

/** Messages that must be flagged, with obfuscations, in five languages. */
const PROFANE = [
  'this is fucking ridiculous',
  'what a piece of shit service',
  'f*ck this',
  'sh1t product',
  'you are all a bunch of assholes',
  'fuuuuuck my parcel is lost again',
  'esto es una mierda',
  'putain, encore en retard',
  'so eine Scheiße, schon wieder kaputt',
  'che cazzo, non funziona',
  'que porra é essa',
  'go fuck yourself',
];
/** Messages that must not be flagged (Scunthorpe-style traps and ordinary shop talk). */
const CLEAN = [
  'I live in Scunthorpe and the class was great',
  'your assistant was very helpful',
  'can I order a cocktail shaker?',
  'the Galaxy A55 arrived, thanks',
  'I need to assess the damage to the box',
  'do you sell chicken nuggets and tarts?',
  'the door knob is broken',
  'zapatos negros talla 42',
  'il est trop tard pour annuler ?',
  'Ich möchte die Bestellung stornieren',
  'The shuttlecock and the cockpit model',
  'Passion fruit, grapes and peaches',
];

function accuracy(rows: Row[], isPositive: (text: string) => boolean, positive: string): number {
  if (rows.length === 0) return 0;
  return rows.filter((r) => isPositive(r.text) === (r.label === positive)).length / rows.length;
}

function precisionRecall(rows: Row[], isPositive: (text: string) => boolean, positive: string) {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const r of rows) {
    const said = isPositive(r.text);
    const is = r.label === positive;
    if (said && is) tp++;
    else if (said) fp++;
    else if (is) fn++;
  }
  return { precision: tp + fp ? tp / (tp + fp) : 0, recall: tp + fn ? tp / (tp + fn) : 0 };
}

export async function evaluate(): Promise<Record<string, number>> {
  const figures: Record<string, number> = {};

  const spamDev = splitRows(readJsonl<Row>('spam.sms.train.jsonl')).dev;
  const isSpam = (t: string) => detectSpam(t).isSpam;
  figures.spam_n = spamDev.length;
  figures.spam_accuracy = accuracy(spamDev, isSpam, 'spam');
  const spamPr = precisionRecall(spamDev, isSpam, 'spam');
  figures.spam_precision = spamPr.precision;
  figures.spam_recall = spamPr.recall;

  const injectionDev = splitRows(readJsonl<Row>('prompt-injection.train.jsonl')).dev;
  const german = injectionDev.filter((r) => detectLanguage(r.text).language === 'de');
  const isInjection = (t: string) => detectInjection(t).isInjection;
  const modelOnly = (t: string) => injectionModelScore(t) >= 0.5;
  figures.injection_n = injectionDev.length;
  figures.injection_accuracy = accuracy(injectionDev, isInjection, 'injection');
  figures.injection_accuracy_model_only = accuracy(injectionDev, modelOnly, 'injection');
  figures.injection_n_de = german.length;
  figures.injection_accuracy_de = accuracy(german, isInjection, 'injection');
  const injectionPr = precisionRecall(injectionDev, isInjection, 'injection');
  figures.injection_precision = injectionPr.precision;
  figures.injection_recall = injectionPr.recall;

  // Real customer-support messages (Bitext, development split: the injection model trained on a
  // sample of the training split): how often an ordinary message would be stopped.
  const support = splitRows(readJsonl<Row>('intents.bitext-support.jsonl')).dev;
  figures.support_messages = support.length;
  figures.support_flagged_injection = support.filter((r) => isInjection(r.text)).length / support.length;
  figures.support_flagged_spam = support.filter((r) => isSpam(r.text)).length / support.length;

  const fixture = readFileSync(PII_FIXTURE, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as { text: string; spans: { type: string; start: number; end: number }[] });
  const pii = scorePiiSpans(fixture.map((f) => ({ gold: f.spans, found: findPii(f.text) })));
  figures.pii_messages = fixture.length;
  for (const type of PII_TYPES) {
    figures[`pii_${type}_precision`] = pii[type].precision;
    figures[`pii_${type}_recall`] = pii[type].recall;
    figures[`pii_${type}_gold`] = pii[type].gold;
  }

  figures.profanity_flagged = PROFANE.filter((t) => detectProfanity(t).hasProfanity).length;
  figures.profanity_flagged_of = PROFANE.length;
  figures.profanity_false_flags = CLEAN.filter((t) => detectProfanity(t).hasProfanity).length;
  figures.profanity_false_flags_of = CLEAN.length;
  return figures;
}
