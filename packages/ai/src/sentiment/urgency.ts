/**
 * Urgency, by rules (there is no labelled urgency data). In order:
 * - critical: a legal or regulator threat, whatever the tone; or a negative message that reports a
 *   safety incident, or is both pressing ("asap") and a repeat contact ("still waiting").
 * - high: a negative message that is pressing, a repeat contact, or shouted (2+ words in capitals
 *   or 3+ exclamation marks).
 * - medium: any other negative message, or a pressing request in a neutral or positive one.
 * - low: everything else.
 * Cue lists are multilingual; digits are normalised to 0 before matching ("3rd" → "0rd").
 */
import { type CueMatcher, cueMatcher } from './cues.ts';

export type Urgency = 'low' | 'medium' | 'high' | 'critical';

export const isLegalThreat: CueMatcher = cueMatcher([
  ...['lawyer*', 'attorney', 'sue you', 'sue them', 'suing', 'lawsuit', 'legal action', 'see you in court'],
  ...['take you to court', 'small claims', 'chargeback', 'ombudsman', 'consumer protection', 'report you'],
  ...['abogado*', 'demandar*', 'denuncia*', 'profeco', 'avocat*', 'porter plainte', 'procès'],
  ...['anwalt', 'anwältin', 'verklag*', 'verbraucherzentrale', 'avvocat*', 'querela', 'denunci*'],
  ...[
    'advogad*',
    'processar',
    'procon',
    'محامي',
    'المحكمة',
    'قضية',
    'vakil',
    'consumer court',
    'वकील',
    'अदालत',
  ],
]);

/** Only counted in negative messages: "police" and "hospital" also turn up in small talk. */
export const isSafetyIncident: CueMatcher = cueMatcher([
  ...['injured', 'injury', 'hospital', 'food poisoning', 'allergic reaction', 'caught fire', 'exploded'],
  ...['police', 'policía', 'polícia', 'polizei', 'polizia', 'الشرطة', 'पुलिस', 'hôpital', 'krankenhaus'],
  ...['ospedale', 'intoxicación', 'intoxication', 'vergiftung', 'intossicazione', 'intoxicação'],
]);

export const isPressing: CueMatcher = cueMatcher([
  ...['asap', 'urgent*', 'immediately', 'right now', 'right away', 'emergency', 'as soon as possible'],
  ...['urgente*', 'inmediat*', 'ya mismo', 'cuanto antes', 'lo antes posible'],
  ...['urgence', 'immédiatement', 'tout de suite', 'au plus vite', 'dès que possible'],
  ...['dringend*', 'sofort', 'umgehend', 'notfall', 'so schnell wie möglich'],
  ...['subito', 'immediatamente', 'al più presto', 'emergenza'],
  ...['imediatamente', 'o mais rápido', 'emergência', 'urgência'],
  ...['عاجل', 'فورا', 'فوراً', 'ضروري', 'بسرعة'],
  ...['jaldi', 'turant', 'abhi ke abhi', 'तुरंत', 'जल्दी'],
]);

export const isRepeatContact: CueMatcher = cueMatcher([
  ...['still waiting', 'still not', 'still no', "still haven't", 'still hasn', 'still nothing', 'third time'],
  ...['0rd time', '0th time', 'again and again', 'once again', 'for weeks', 'for days', 'for a week'],
  ...['no one answers', 'nobody answers', 'no response', 'no reply', 'keep calling', 'every time'],
  ...['sigo esperando', 'todavía no', 'otra vez', 'de nuevo', 'nadie responde', 'hace semanas'],
  ...['toujours pas', 'toujours rien', 'encore une fois', 'personne ne répond', 'depuis des semaines'],
  ...['immer noch', 'schon wieder', 'seit wochen', 'seit tagen', 'niemand antwortet', 'zum dritten mal'],
  ...['ancora niente', 'ancora una volta', 'di nuovo', 'nessuno risponde', 'da settimane'],
  ...['ainda não', 'ainda nada', 'de novo', 'outra vez', 'ninguém responde', 'há semanas'],
  ...['ما زلت', 'مازلت', 'مرة أخرى', 'لا أحد يرد', 'منذ أسابيع'],
  ...['ab tak', 'abhi tak', 'phir se', 'kab tak', 'koi jawab nahi', 'अभी तक', 'फिर से'],
]);

const SHOUTED_WORD = /\b\p{Lu}{3,}\b/gu;

export function isShouted(text: string): boolean {
  return (text.match(SHOUTED_WORD)?.length ?? 0) >= 2 || (text.match(/!/g)?.length ?? 0) >= 3;
}

export function urgencyOf(
  text: string,
  cueText: string,
  label: 'negative' | 'neutral' | 'positive',
): Urgency {
  if (isLegalThreat(cueText)) return 'critical';
  const pressing = isPressing(cueText);
  const repeat = isRepeatContact(cueText);
  const negative = label === 'negative';
  if (negative && (isSafetyIncident(cueText) || (pressing && repeat))) return 'critical';
  if (negative && (pressing || repeat || isShouted(text))) return 'high';
  if (negative || pressing) return 'medium';
  return 'low';
}
