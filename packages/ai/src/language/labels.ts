/** The dataset's `lang` values and the romanised-Hindi evidence used to clean its labels. */

export const LANGUAGES = ['en', 'es', 'fr', 'de', 'it', 'pt', 'ar', 'hi'] as const;
export type Language = (typeof LANGUAGES)[number];

const DATASET_NAMES: Record<string, Language> = {
  en: 'en',
  english: 'en',
  spanish: 'es',
  french: 'fr',
  german: 'de',
  italian: 'it',
  portuguese: 'pt',
  arabic: 'ar',
  hindi: 'hi',
};

export function isoFromDatasetName(name: string): Language | undefined {
  return DATASET_NAMES[name.toLowerCase()];
}

/**
 * Frequent romanised-Hindi words that are not also English words (so no "to", "me", "main", "hi").
 * The XLM-T Hindi set mixes in plain English tweets; a "Hindi" row with none of these and no
 * Devanagari is most likely English, and teaching the model that English looks Hindi costs accuracy.
 */
const HINDI_MARKERS = new Set(
  (
    'hai hain hua hui hue tha thi ka ki ke ko se mein mai nahi nahin nhi nai kya kyu kyun kyon bhi ye yeh ' +
    'wo woh vo voh aap ap tum tu mujhe mujh mera meri mere tera teri tere hum hamara humara apna apni ' +
    'kuch kuchh sab koi jo jab tab kab kaise kaisa kahan kaha yaha yahan waha wahan bhai yaar yar ' +
    'ji bahut bohot bhot accha acha achha raha rha rahi rhi rahe rhe kar kr karo kro karna krna ' +
    'karte krte diya kiya liya gaya gya gayi hoga hogi hoti hota ho hu hoon hun agar lekin magar ' +
    'aur bas abhi kabhi sabhi phir fir pehle baad wala wali wale logo desh sirf matlab pata pta ' +
    'dekh dekho bol bolo chal chalo sach jaldi sahi galat aaj kal raat saal ek teen'
  ).split(' '),
);

/** How many words of `text` are romanised-Hindi markers. */
export function hindiMarkerCount(words: string[]): number {
  let n = 0;
  for (const w of words) if (HINDI_MARKERS.has(w)) n++;
  return n;
}
