/**
 * Emotions, by keyword (there is no labelled emotion data): each emotion has a small multilingual
 * list of words, phrases and emoji; a message shows every emotion whose list it hits, in the fixed
 * order below. A repeat contact ("still waiting", "third time") also counts as frustration.
 */
import { type CueMatcher, cueMatcher } from './cues.ts';
import { isRepeatContact } from './urgency.ts';

export const EMOTIONS = [
  'anger',
  'frustration',
  'joy',
  'gratitude',
  'sadness',
  'fear',
  'surprise',
  'confusion',
] as const;
export type Emotion = (typeof EMOTIONS)[number];

const CUES: Record<Emotion, CueMatcher> = {
  anger: cueMatcher([
    ...['angry', 'furious', 'pissed', 'outraged', 'livid', 'hate', 'wtf', 'disgusting', '😠', '😡', '🤬'],
    ...['enojad*', 'enfadad*', 'furios*', 'rabia', 'odio', 'en colère', 'furieux', 'furieuse', 'énervé*'],
    ...['wütend', 'sauer', 'stinksauer', 'hasse', 'arrabbiat*', 'incazzat*', 'com raiva', 'raiva', 'odeio'],
    ...['غاضب', 'غضب', 'أكره', 'gussa', 'गुस्सा', 'नफरत', 'nafrat'],
  ]),
  frustration: cueMatcher([
    ...['frustrat*', 'annoying', 'annoyed', 'fed up', 'sick of', 'tired of', 'ridiculous', 'unacceptable'],
    ...['useless', 'waste of time', '🙄', '😤', 'harto', 'harta', 'estoy cansad*', 'ridículo', 'inaceptable'],
    ...['ras le bol', 'marre', 'inadmissible', 'inacceptable', 'genervt', 'nervig', 'es reicht', 'unmöglich'],
    ...['stufo', 'stufa', 'basta', 'che palle', 'inaccettabile', 'cansei', 'saco cheio', 'absurdo'],
    ...['سئمت', 'زهقت', 'pareshan', 'tang aa gaya', 'परेशान', 'bakwas'],
  ]),
  joy: cueMatcher([
    ...['happy', 'glad', 'love it', 'loved', 'amazing', 'awesome', 'yay', 'excited', 'delighted', 'thrilled'],
    ...['😀', '😃', '😄', '😁', '😊', '😍', '🥰', '🎉', '🥳', 'feliz', 'alegr*', 'me encanta', 'encantad*'],
    ...['heureux', 'heureuse', 'ravi', 'ravie', "j'adore", 'génial', 'froh', 'glücklich', 'freue*', 'toll'],
    ...['felice', 'contento', 'contenta', 'adoro', 'adorei', 'amei', 'سعيد', 'سعيدة', 'فرحان', 'khush', 'खुश'],
  ]),
  gratitude: cueMatcher([
    ...['thank*', 'thx', 'appreciate*', 'grateful', 'cheers', '🙏', 'gracias', 'agradec*', 'merci'],
    ...['danke*', 'dank', 'grazie', 'obrigad*', 'valeu', 'شكرا', 'شكراً', 'مشكور', 'shukriya', 'dhanyavad'],
    ...['dhanyawad', 'धन्यवाद', 'शुक्रिया'],
  ]),
  sadness: cueMatcher([
    ...['sad', 'unhappy', 'depressed', 'heartbroken', 'crying', 'miss you', '😢', '😭', '💔', '😞', '😔'],
    ...['triste', 'tristeza', 'llorando', 'deprimid*', 'déprimé*', 'pleure', 'traurig', 'deprimiert'],
    ...['tristezza', 'piango', 'chorando', 'حزين', 'حزينة', 'dukhi', 'दुखी', 'udaas', 'उदास'],
  ]),
  fear: cueMatcher([
    ...['afraid', 'scared', 'worried', 'anxious', 'terrified', 'frightened', 'nervous', '😨', '😰', '😱'],
    ...['miedo', 'preocupad*', 'asustad*', 'peur', 'inquiet*', 'angst', 'besorgt', 'paura', 'preoccupat*'],
    ...['medo', 'assustad*', 'خائف', 'قلق', 'خوف', 'darr', 'dar lag', 'डर'],
  ]),
  surprise: cueMatcher([
    ...['wow', 'omg', 'unbelievable', "can't believe", 'cannot believe', 'surprised', 'shocked', 'no way'],
    ...['😮', '😲', '😯', '🤯', 'increíble', 'sorpresa', 'no me lo creo', 'incroyable', 'surpris*'],
    ...['überrascht', 'unglaublich', 'krass', 'incredibile', 'sorpres*', 'inacreditável', 'nossa'],
    ...['caramba', 'واو', 'معقول', 'arre', 'kya baat'],
  ]),
  confusion: cueMatcher([
    ...['confused', 'confusing', "don't understand", 'do not understand', "doesn't make sense", 'unclear'],
    ...['what do you mean', '🤔', '😕', 'no entiendo', 'confundid*', 'comprends pas', 'confus', 'confuse'],
    ...['verstehe nicht', 'versteh nicht', 'verwirr*', 'non capisco', 'confus*', 'não entendo'],
    ...['لا أفهم', 'مش فاهم', 'samajh nahi', 'samajh nhi', 'समझ नहीं'],
  ]),
};

export function emotionsOf(cueText: string): Emotion[] {
  return EMOTIONS.filter((e) => CUES[e](cueText) || (e === 'frustration' && isRepeatContact(cueText)));
}
