import { describe, expect, it } from 'vitest';
import { checkVoiceForm, fromVoiceForm, linesOf, previewVoice, toVoiceForm } from './brand-voice-form.ts';
import type { BrandVoice } from './settings-api.ts';
import { voiceSamples } from './voice-preview.ts';

const saved: BrandVoice = {
  tone: 'friendly',
  emoji: 'sparing',
  maxLength: 480,
  matchCustomerLanguage: true,
  signature: '',
  guidelines: '',
  bannedPhrases: ['guaranteed'],
  products: ['Pro plan', 'Morning Sun'],
};

describe('brand voice form', () => {
  it('round-trips the saved voice, lists one per line', () => {
    const form = toVoiceForm({
      ...saved,
      bannedPhrases: [...saved.bannedPhrases],
      products: [...saved.products],
    });
    expect(form.products).toBe('Pro plan\nMorning Sun');
    expect(fromVoiceForm(form)).toEqual(saved);
  });

  it('drops blank lines and repeats, trims each entry', () => {
    expect(linesOf('  Pro plan \n\npro PLAN\r\nMorning Sun\n')).toEqual(['Pro plan', 'Morning Sun']);
  });

  it('refuses what the server would refuse, with a sentence per field', () => {
    const form = toVoiceForm({ ...saved, bannedPhrases: [], products: [] });
    expect(checkVoiceForm(form)).toEqual({});
    expect(checkVoiceForm({ ...form, maxLength: '79' }).maxLength).toMatch(/80 to 2000/);
    expect(checkVoiceForm({ ...form, maxLength: '12.5' }).maxLength).toBeDefined();
    expect(checkVoiceForm({ ...form, maxLength: '' }).maxLength).toBeDefined();
    expect(checkVoiceForm({ ...form, signature: 'x'.repeat(121) }).signature).toMatch(/120/);
    expect(checkVoiceForm({ ...form, bannedPhrases: 'ok phrase\nx' }).bannedPhrases).toMatch(/“x”/);
    expect(
      checkVoiceForm({ ...form, products: Array.from({ length: 501 }, (_, i) => `product ${i}`).join('\n') })
        .products,
    ).toMatch(/At most 500/);
  });

  it('previews what is valid so far and keeps the saved value for the rest', () => {
    const form = {
      ...toVoiceForm({ ...saved, bannedPhrases: [], products: [] }),
      maxLength: '9',
      tone: 'casual' as const,
    };
    expect(previewVoice(form, { ...saved, bannedPhrases: [], products: [] })).toMatchObject({
      tone: 'casual',
      maxLength: 480,
    });
  });
});

describe('brand voice samples', () => {
  const voice = { ...saved, bannedPhrases: [], products: [] };

  it('greets in the customer language only when the voice says so', () => {
    const [, spanish] = voiceSamples(voice, 'Acme Coffee');
    expect(spanish?.reply).toMatch(/^¡Hola Lucía! Gracias por escribir a Acme Coffee/);
    const [, english] = voiceSamples({ ...voice, matchCustomerLanguage: false }, 'Acme Coffee');
    expect(english?.reply).toMatch(/^Hi Lucía! Thanks for reaching out to Acme Coffee/);
  });

  it('follows tone, emoji policy, length and signature', () => {
    const [greeting, , long] = voiceSamples(
      { ...voice, tone: 'professional', emoji: 'none', maxLength: 200, signature: '— Acme' },
      'Acme',
    );
    expect(greeting?.reply).toMatch(/^Hello Lucía!/);
    expect(greeting?.reply.endsWith('\n— Acme')).toBe(true);
    expect(long?.reply.length).toBeLessThanOrEqual(200);
    expect(long?.reply).toMatch(/\.\n— Acme$/);
    const [casual] = voiceSamples({ ...voice, tone: 'casual', emoji: 'allowed' }, 'Acme');
    expect(casual?.reply).toMatch(/^Hey Lucía!.*🙌$/);
  });
});
