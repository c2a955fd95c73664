import { describe, expect, it } from 'vitest';
import { classifyIntent } from '../src/intent/local-model.ts';
import { INTENTS } from '../src/intent/schema.ts';

describe('classifyIntent', () => {
  it.each([
    ['how much is the large latte?', 'question', 'pricing'],
    ['can I talk to a real person', 'human_request', 'support'],
    ['hi there', 'greeting', 'other'],
    ['I want to order two boxes of the vanilla cookies', 'purchase_intent', 'inquiry'],
    ['please cancel my order #4412', 'request', 'support'],
    ['you charged me twice for the same order!!', 'complaint', 'complaint'],
    ['you should add more vegan options to the menu', 'feedback', 'feedback'],
    [
      'WINNER!! You have been selected to receive a $1000 gift card. Click here to claim now',
      'spam',
      'other',
    ],
  ])('%s → %s', (text, label, topic) => {
    const r = classifyIntent(text);
    expect(r.label).toBe(label);
    expect(r.topic).toBe(topic);
    expect(r.confidence).toBeGreaterThan(0);
    expect(r.confidence).toBeLessThanOrEqual(1);
  });

  it('asks for a person in several languages', () => {
    for (const text of [
      'quiero hablar con una persona',
      'Je voudrais parler à un conseiller',
      'Ich möchte mit einem Mitarbeiter sprechen',
      'posso parlare con un operatore?',
      'quero falar com um atendente',
    ])
      expect(classifyIntent(text).label, text).toBe('human_request');
  });

  it('greets in several languages, but a greeting with a question is a question', () => {
    for (const text of ['Hola!', 'Bonjour à tous', 'Guten Morgen', 'Buongiorno a tutti', 'Olá', 'hey 👋'])
      expect(classifyIntent(text).label, text).toBe('greeting');
    const mixed = classifyIntent('hi! do you deliver on sundays?');
    expect(mixed.label).not.toBe('greeting');
    expect(mixed.isQuestion).toBe(true);
  });

  it('detects questions in en/es/fr/de/it/pt, with or without a question mark', () => {
    for (const text of [
      'do you deliver to Brooklyn',
      '¿Cuánto cuesta el envío?',
      'est-ce que vous livrez le dimanche',
      'Habt ihr heute geöffnet',
      'quanto costa la pizza margherita',
      'vocês têm opções veganas',
      'what time do you open',
    ])
      expect(classifyIntent(text).isQuestion, text).toBe(true);
    for (const text of ['love your new menu!!', 'my order never arrived', 'Merci beaucoup', 'Das ist super'])
      expect(classifyIntent(text).isQuestion, text).toBe(false);
  });

  it('answers for bad and odd input without throwing', () => {
    for (const text of [
      '',
      '   ',
      '😍😍😍',
      '🤷',
      '你好，请问营业时间？',
      'a'.repeat(100_000),
      'مرحبا كيف حالك',
    ]) {
      const r = classifyIntent(text);
      expect(INTENTS).toContain(r.label);
      expect(r.confidence).toBeGreaterThanOrEqual(0);
      expect(r.confidence).toBeLessThanOrEqual(1);
    }
    expect(classifyIntent('').label).toBe('other');
    expect(classifyIntent('😍😍😍').label).toBe('compliment');
    expect(classifyIntent('你好，请问营业时间？').isQuestion).toBe(true);
  });
});
