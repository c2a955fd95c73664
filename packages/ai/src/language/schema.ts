import { z } from 'zod';

export const detectedLanguageSchema = z.object({
  /** ISO 639-1 code, or `und` when the text is too short, has no letters, or is in another script. */
  language: z.enum(['en', 'es', 'fr', 'de', 'it', 'pt', 'ar', 'hi', 'und']),
  confidence: z.number().min(0).max(1),
});

export type DetectedLanguage = z.infer<typeof detectedLanguageSchema>;
