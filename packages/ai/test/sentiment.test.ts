import { existsSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cueText } from '../src/sentiment/cues.ts';
import { emotionsOf } from '../src/sentiment/emotions.ts';
import { analyzeSentiment } from '../src/sentiment/local-model.ts';
import { SENTIMENT_MODEL_URL, sentimentModel } from '../src/sentiment/model-file.ts';
import { urgencyOf } from '../src/sentiment/urgency.ts';

const CLEAR: [string, string][] = [
  ['positive', 'I love this product, thank you so much!'],
  ['positive', 'Me encanta, muchas gracias!'],
  ['positive', 'Merci beaucoup, service génial'],
  ['positive', 'Vielen Dank, super Service!'],
  ['positive', 'Grazie mille, fantastico!'],
  ['positive', 'Muito obrigado, adorei!'],
  ['positive', 'شكرا جزيلا خدمة رائعة'],
  ['positive', 'bahut badhiya service, shukriya'],
  ['negative', 'This is the worst service ever. I want a refund.'],
  ['negative', 'Es una vergüenza, mi pedido nunca llegó'],
  ['negative', 'Pessimo servizio, una vergogna'],
  ['negative', 'Péssimo atendimento, que vergonha'],
  ['negative', 'Das ist eine Frechheit, ich warte seit Wochen'],
  ['negative', 'خدمة سيئة جدا للأسف'],
  ['negative', '😡😡😡'],
  ['neutral', 'What time do you open on Saturday?'],
  ['neutral', 'Wann öffnet der Laden?'],
  ['neutral', 'Quels sont vos horaires ?'],
  ['neutral', 'Qual o horário de funcionamento?'],
];

describe('analyzeSentiment', () => {
  it.each(CLEAR)('reads %s in: %s', (label, text) => {
    const result = analyzeSentiment(text);
    expect(result.label).toBe(label);
    expect(result.confidence).toBeGreaterThan(0.34);
    expect(result.confidence).toBeLessThanOrEqual(1);
    expect(result.score).toBeGreaterThanOrEqual(-1);
    expect(result.score).toBeLessThanOrEqual(1);
    if (label === 'positive') expect(result.score).toBeGreaterThan(0);
    if (label === 'negative') expect(result.score).toBeLessThan(0);
    if (label === 'neutral') expect(Math.abs(result.score)).toBeLessThan(1 - result.confidence + 1e-9);
  });

  it('tells "not good" from "good"', () => {
    expect(analyzeSentiment('the food was good').score).toBeGreaterThan(
      analyzeSentiment('the food was not good').score,
    );
    expect(analyzeSentiment('the food was not good').label).toBe('negative');
  });

  it.each([
    ['empty', ''],
    ['whitespace', '  \n\t'],
    ['punctuation', '...'],
  ])('is neutral and calm for %s input', (_, text) => {
    expect(analyzeSentiment(text)).toEqual({
      label: 'neutral',
      score: 0,
      confidence: 1,
      urgency: 'low',
      emotions: [],
    });
  });

  it('reads emoji-only messages by their emoji', () => {
    expect(analyzeSentiment('😍').label).toBe('positive');
    expect(analyzeSentiment('😡😡😡').emotions).toContain('anger');
  });

  it('handles very long input in every field', () => {
    const result = analyzeSentiment('terrible service, still waiting. '.repeat(10_000));
    expect(result.label).toBe('negative');
    expect(Number.isFinite(result.score)).toBe(true);
  });

  it('accepts a language hint and other scripts without failing', () => {
    expect(analyzeSentiment('Спасибо большое', 'und').confidence).toBeGreaterThan(0);
    expect(analyzeSentiment('mera order abhi tak nahi aaya, bakwas service', 'hi').label).toBe('negative');
  });

  it('loads its model from the committed file', () => {
    expect(existsSync(SENTIMENT_MODEL_URL)).toBe(true);
    expect(statSync(SENTIMENT_MODEL_URL).size).toBeLessThanOrEqual(6 * 1024 * 1024);
    expect(sentimentModel().labels).toEqual(['negative', 'neutral', 'positive']);
  });
});

describe('urgency rules', () => {
  const urgency = (text: string, label: 'negative' | 'neutral' | 'positive') =>
    urgencyOf(text, cueText(text), label);

  it('is critical for legal threats whatever the tone', () => {
    expect(urgency('I will contact my lawyer about this', 'neutral')).toBe('critical');
    expect(urgency('Voy a poner una denuncia', 'negative')).toBe('critical');
    expect(urgency('Ich schalte meinen Anwalt ein', 'neutral')).toBe('critical');
  });

  it('is critical for a negative safety incident, not for small talk', () => {
    expect(urgency('Your product caught fire in my kitchen', 'negative')).toBe('critical');
    expect(urgency('Watching Police Academy tonight', 'positive')).toBe('low');
  });

  it('is critical when a negative message is both pressing and a repeat contact', () => {
    expect(urgency('Still waiting for my refund, fix this ASAP', 'negative')).toBe('critical');
    expect(urgency('Toujours pas de réponse, il faut régler ça tout de suite', 'negative')).toBe('critical');
  });

  it('is high for a negative message that is pressing, repeated or shouted', () => {
    expect(urgency('I need this fixed immediately, awful', 'negative')).toBe('high');
    expect(urgency('This is the third time I write to you', 'negative')).toBe('high');
    expect(urgency('WORST SERVICE EVER', 'negative')).toBe('high');
    expect(urgency('ainda não recebi o meu pedido', 'negative')).toBe('high');
    expect(urgency('order abhi tak nahi aaya', 'negative')).toBe('high');
  });

  it('is medium for other negative messages and for pressing neutral ones', () => {
    expect(urgency('The colour is a bit off', 'negative')).toBe('medium');
    expect(urgency('Can you send the invoice asap?', 'neutral')).toBe('medium');
  });

  it('is low for calm neutral and positive messages', () => {
    expect(urgency('Thanks, all good', 'positive')).toBe('low');
    expect(urgency('Do you have this in blue?', 'neutral')).toBe('low');
  });

  it('uses the full analysis end to end', () => {
    const result = analyzeSentiment('STILL WAITING for my refund, third time I call. Fix it ASAP!!!');
    expect(result.label).toBe('negative');
    expect(result.urgency).toBe('critical');
    expect(result.emotions).toContain('frustration');
  });
});

describe('emotion rules', () => {
  const emotions = (text: string) => emotionsOf(cueText(text));

  it.each([
    ['anger', 'I am so angry right now 😡'],
    ['anger', 'Estoy muy enojado con ustedes'],
    ['frustration', 'This is ridiculous, I am fed up'],
    ['frustration', "J'en ai marre de vos retards"],
    ['frustration', 'still waiting for an answer'],
    ['joy', 'So happy with my new shoes 😍'],
    ['joy', 'Bin so glücklich damit'],
    ['gratitude', 'Thanks a lot for the help'],
    ['gratitude', 'Muito obrigada!'],
    ['gratitude', 'शुक्रिया'],
    ['sadness', 'I am really sad about this 😢'],
    ['sadness', 'Sono triste'],
    ['fear', 'I am worried my data was leaked'],
    ['fear', 'Ich habe Angst, dass das Paket verloren ist'],
    ['surprise', "Wow, I can't believe it arrived already"],
    ['confusion', "I don't understand the invoice"],
    ['confusion', 'No entiendo la factura'],
    ['confusion', 'samajh nahi aaya'],
  ])('finds %s in: %s', (emotion, text) => {
    expect(emotions(text)).toContain(emotion);
  });

  it('reads a customer weighing options as neutral, and a complaint with the same word as negative', () => {
    expect(analyzeSentiment('Which of your blends is the least bitter?', 'en').label).toBe('neutral');
    expect(analyzeSentiment('Is it less expensive online?', 'en').label).toBe('neutral');
    expect(analyzeSentiment('This coffee is bitter and awful', 'en').label).toBe('negative');
  });

  it('finds several emotions in order and none in a plain request', () => {
    expect(emotions('Thank you, so happy!')).toEqual(['joy', 'gratitude']);
    expect(emotions('What is the price of the blue one?')).toEqual([]);
  });
});
