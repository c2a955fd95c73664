import { existsSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../src/language/index.ts';
import { LANGUAGE_MODEL_URL, languageModel } from '../src/language/model-file.ts';
import { detectedLanguageSchema } from '../src/language/schema.ts';

const MESSAGES: [string, string][] = [
  ['en', 'My package never arrived and nobody answers my emails'],
  ['en', 'Do you ship to Canada?'],
  ['en', 'thanks so much!'],
  ['es', '¿Cuándo abren la tienda mañana?'],
  ['es', 'Mi pedido llegó roto, quiero un reembolso'],
  ['fr', 'Bonjour, je voudrais annuler ma commande'],
  ['fr', "c'est nul, toujours pas de réponse"],
  ['de', 'Wann kommt meine Bestellung an?'],
  ['de', 'Vielen Dank für die schnelle Hilfe'],
  ['it', 'Buongiorno, vorrei sapere il prezzo'],
  ['it', 'Il mio ordine non è ancora arrivato'],
  ['pt', 'Olá, quero saber o preço do produto'],
  ['pt', 'Meu pedido ainda não chegou, que vergonha'],
  ['ar', 'متى يصل طلبي؟'],
  ['ar', 'ارمــــــلة سورية'],
  ['hi', 'mera order abhi tak nahi aaya'],
  ['hi', 'bhai kya price hai iska'],
  ['hi', 'मुझे रिफंड चाहिए'],
];

describe('detectLanguage', () => {
  it.each(MESSAGES)('recognises %s: %s', (language, text) => {
    const result = detectLanguage(text);
    expect(result.language).toBe(language);
    expect(result.confidence).toBeGreaterThan(0.4);
    expect(detectedLanguageSchema.parse(result)).toEqual(result);
  });

  it('ignores handles, links and hashtag signs', () => {
    expect(detectLanguage('@someUSER http/URL #ind gracias por todo amigos https://t.co/x').language).toBe(
      'es',
    );
  });

  it.each([
    ['empty', ''],
    ['whitespace', '   \n '],
    ['emoji only', '😍😍🔥'],
    ['too short', 'ok'],
    ['digits and punctuation', '9 0 1 3 8 ?!'],
    ['only a handle and a link', '@user https://example.com'],
    ['Cyrillic', 'Привет, как дела?'],
    ['Chinese', '这是中文的句子'],
  ])('says und for %s', (_, text) => {
    expect(detectLanguage(text)).toEqual({ language: 'und', confidence: 0 });
  });

  it('handles very long text', () => {
    const result = detectLanguage('Vielen Dank für die schnelle Hilfe. '.repeat(3000));
    expect(result.language).toBe('de');
  });

  it('loads its model from the committed file', () => {
    expect(existsSync(LANGUAGE_MODEL_URL)).toBe(true);
    expect(statSync(LANGUAGE_MODEL_URL).size).toBeLessThanOrEqual(2 * 1024 * 1024);
    expect(languageModel().labels).toEqual(['de', 'en', 'es', 'fr', 'hi', 'it', 'pt']);
  });
});
