// Sample replies in the brand's voice, computed in the browser with the pipeline's own functions
// (packages/ai/src/reply): the API has no preview endpoint. `applyBrandVoice` is what every reply,
// local or from a language model, goes through before it is sent; the greetings are the local
// model's own sentences. These modules are plain string code with no runtime dependencies.

import { applyBrandVoice } from '@replyforce/ai/reply/brand-voice.ts';
import { firstName } from '@replyforce/ai/reply/local-reply.ts';
import { phrase } from '@replyforce/ai/reply/phrases.ts';
import type { BrandVoice } from './settings-api.ts';

export interface VoiceSample {
  /** What the customer did. */
  situation: string;
  /** What the customer wrote. */
  customer: string;
  reply: string;
}

/** A FAQ answer long enough to show where the maximum length cuts it. */
const LONG_ANSWER =
  'Yes, we deliver to your area every weekday. Orders placed before noon leave the same day, and ' +
  'you get a tracking link by email as soon as the parcel is on its way. Delivery is free above $40; ' +
  'below that it costs $4.90. If you are not home, the courier leaves a note and tries again the next ' +
  'working day, or you can pick the parcel up at the nearest collection point within seven days. ' +
  'Fragile items such as glass jars are packed in recycled cardboard and paper, never plastic.';

export function voiceSamples(voice: BrandVoice, businessName: string): VoiceSample[] {
  const customer = 'Lucía García';
  const name = firstName(customer);
  const vars = { name, business: businessName };
  // A Spanish greeting gets a Spanish answer only when the voice says so (local-reply.ts).
  const spanish = voice.matchCustomerLanguage ? 'es' : 'en';
  return [
    {
      situation: 'A customer says hello in English',
      customer: 'Hi there!',
      reply: applyBrandVoice(phrase('greeting', 'en', vars), voice),
    },
    {
      situation: 'A customer says hello in Spanish',
      customer: '¡Hola! ¿Qué tal?',
      reply: applyBrandVoice(phrase('greeting', spanish, vars), voice),
    },
    {
      situation: 'A long answer from the knowledge base',
      customer: 'Do you deliver to my area, and how much does it cost?',
      reply: applyBrandVoice(LONG_ANSWER, voice),
    },
  ];
}
