import { describe, expect, it } from 'vitest';
import { loadIntentEngine, trainIntentEngine } from '../src/intent-engine/index.ts';

const EXAMPLES = [
  ...[
    'what are your opening hours',
    'when do you open',
    'are you open on sunday',
    'what time do you close today',
    'hours on saturday?',
    'are you open late tonight',
  ].map((text) => ({ text, intent: 'hours' })),
  ...[
    'how much is a haircut',
    'what is the price of a beard trim',
    'how much do you charge for coloring',
    'price list please',
    'what does a kids cut cost',
    'how expensive is a perm',
  ].map((text) => ({ text, intent: 'pricing' })),
  ...[
    'can I book an appointment for tomorrow',
    'I want to book a haircut',
    'do you have a slot on friday',
    'book me in for 3pm',
    'can I reserve a time with anna',
    'schedule an appointment please',
  ].map((text) => ({ text, intent: 'booking' })),
];

describe('intent engine', () => {
  const engine = loadIntentEngine(trainIntentEngine(EXAMPLES));

  it('routes tenant intents it was trained on', () => {
    expect(engine.intents.sort()).toEqual(['booking', 'hours', 'pricing']);
    expect(engine.classify('when do you open on saturday').intent).toBe('hours');
    expect(engine.classify('how much is a haircut for kids').intent).toBe('pricing');
    expect(engine.classify('can I book an appointment on monday').intent).toBe('booking');
  });

  it('answers oos for unrelated text, empty text and other scripts', () => {
    for (const text of [
      'the quantum physics lecture was fascinating',
      'my dog loves swimming in lakes',
      '',
      '🙂🙂',
      'Погода сегодня хорошая',
    ]) {
      const r = engine.classify(text);
      expect(r.intent, text).toBe('oos');
      expect(r.confidence).toBeGreaterThanOrEqual(0);
      expect(r.confidence).toBeLessThanOrEqual(1);
    }
  });

  it('learns from oos examples when given', () => {
    const withOos = [
      ...EXAMPLES,
      ...[
        'tell me a joke',
        'who won the game last night',
        'what is the capital of france',
        'play some music',
        'i like turtles',
        'what is the weather',
      ].map((text) => ({ text, intent: 'oos' })),
    ];
    const e = loadIntentEngine(trainIntentEngine(withOos));
    expect(e.intents).not.toContain('oos');
    expect(e.classify('tell me a funny joke').intent).toBe('oos');
    expect(e.classify('are you open on sunday').intent).toBe('hours');
  });

  it('gives the same answers after a JSON round trip', () => {
    const file = trainIntentEngine(EXAMPLES);
    const a = loadIntentEngine(file);
    const b = loadIntentEngine(JSON.parse(JSON.stringify(file)));
    for (const text of ['when do you open', 'how much is a trim', 'random words here', 'book me for friday'])
      expect(b.classify(text)).toEqual(a.classify(text));
  });

  it('rejects bad training input with a clear error', () => {
    expect(() => trainIntentEngine([])).toThrow(/at least one example/);
    expect(() => trainIntentEngine([{ text: 'hi', intent: '' }])).toThrow(/intent/);
    expect(() => trainIntentEngine([{ text: '   ', intent: 'x' }])).toThrow(/empty/);
    expect(() => loadIntentEngine({ format: 'nope' } as never)).toThrow();
  });

  it('works with a single intent: in-domain text matches, unrelated text is oos', () => {
    const e = loadIntentEngine(trainIntentEngine(EXAMPLES.filter((x) => x.intent === 'hours')));
    expect(e.intents).toEqual(['hours']);
    expect(e.classify('what are your opening hours').intent).toBe('hours');
    expect(e.classify('my dog loves swimming in lakes').intent).toBe('oos');
  });

  it('classifies very long text', () => {
    expect(() => engine.classify('how much is a haircut '.repeat(5000))).not.toThrow();
  });
});
