/**
 * Phrasings that try to take over an assistant, in English, German, Spanish and French. The learned
 * model has seen only 546 examples (English and German); these patterns cover the classic attacks
 * in every language we serve, whatever the model thinks of them.
 *
 * Strong patterns are injections on their own. Weak ones ("you are now", "act as") also occur in
 * ordinary messages ("I see you are now open on Sundays"), so they only add to the model's score.
 * Patterns run on lower-cased text without accents, so "Anweisungen" and "précédentes" need no
 * variants.
 */

export type InjectionPattern = { weight: number; re: RegExp };

const STRONG = 0.95;
const MEDIUM = 0.6;
const WEAK = 0.35;

/** Words for what an attacker wants forgotten, per language. */
const EN_RULES =
  '(?:instructions?|prompts?|rules|directions|directives|commands|tasks|guidelines|context|programming|constraints)';
const DE_RULES =
  '(?:anweisungen|instruktionen|aufgaben|auftrage|befehle|regeln|informationen|vorgaben|richtlinien|prompts?)';
const ES_RULES = '(?:instrucciones|indicaciones|ordenes|reglas|directrices|tareas|prompts?)';
const FR_RULES = '(?:instructions|consignes|ordres|regles|directives|taches|prompts?)';

export const INJECTION_PATTERNS: InjectionPattern[] = [
  // English: "ignore all previous instructions", "disregard the above", "forget everything before".
  {
    weight: STRONG,
    re: new RegExp(
      `\\b(?:ignore|disregard|forget|skip|drop|override|bypass|abandon|discard)\\b(?: \\w+){0,3} (?:previous|prior|above|preceding|earlier|former|initial|original|old|existing|your|all|any) (?:\\w+ )?${EN_RULES}\\b`,
    ),
  },
  {
    weight: MEDIUM,
    re: /\bforget (?:about )?everything\b.{0,30}\b(?:before|above|previous|discussed|so far)\b/,
  },
  { weight: WEAK, re: /\b(?:forget|ignore) everything\b/ },
  // "Ignore above and say…", but not "please ignore the previous message".
  {
    weight: MEDIUM,
    re: /\b(?:ignore|ignoring|disregard|disregarding) (?:the |all )?(?:above|previous|preceding|prior)\b(?! (?:message|messages|email|mail|comment|post|order|one|address|question|reply))/,
  },
  {
    weight: STRONG,
    re: /\b(?:reveal|show|print|display|output|repeat|tell|give|leak|write out|spell out)\b(?: \w+){0,3} (?:(?:system|hidden|initial|secret) (?:prompt|instructions)|original prompt)s?\b/,
  },
  { weight: STRONG, re: /\b(?:your|the) (?:system ?prompt|prompt text|initial prompt|instructions above)\b/ },
  { weight: STRONG, re: /\bwhat (?:was|is) written (?:at the beginning|above|before)\b/ },
  { weight: MEDIUM, re: /\b(?:new|following|updated) (?:instructions|tasks?) (?:follow|are|:)/ },
  { weight: STRONG, re: /\b(?:jailbreak|jailbroken|developer mode|dan mode|do anything now)\b/ },
  { weight: WEAK, re: /\b(?:no|without) (?:any )?(?:filters|censorship|moral(?:s|ity)?|ethics)\b/ },
  { weight: WEAK, re: /\b(?:from now on|starting now),? (?:you|your)\b/ },
  { weight: MEDIUM, re: /\b(?:i want you to|you will) (?:act|behave|respond|pretend) (?:as|like)\b/ },
  { weight: WEAK, re: /\byou are (?:now|no longer)\b|\bimagine (?:you are|you're|that you are)\b/ },
  {
    weight: WEAK,
    re: /\b(?:act|acting|pose) as (?:a|an|if|my|the)\b|\bpretend (?:to be|you are|you're|you can)\b|\broleplay\b/,
  },
  // German: "vergiss alle vorherigen Anweisungen", "ignoriere die obigen Regeln", "zeige deinen Prompt".
  {
    weight: STRONG,
    re: new RegExp(
      `\\b(?:vergiss|vergessen sie|vergesst|ignoriere|ignorieren sie|ignoriert|missachte|verwirf)\\b(?: \\w+){0,3} (?:vorherigen|bisherigen|obigen|vorangegangenen|vorigen|alten|fruheren|alle|deine|ihre) (?:\\w+ )?${DE_RULES}\\b`,
    ),
  },
  { weight: WEAK, re: /\b(?:vergiss|vergessen sie|ignoriere) (?:alles|alle)\b/ },
  // German puts the verb last: "Die obigen Ausführungen ignorieren und …".
  {
    weight: STRONG,
    re: /\b(?:obigen|vorherigen|bisherigen|vorangegangenen|vorigen) (?:\w+ ){0,2}(?:ignorieren|vergessen|missachten)\b/,
  },
  {
    weight: MEDIUM,
    re: /\b(?:vorherigen|bisherigen|obigen|vorangegangenen) (?:anweisungen|instruktionen|befehle|regeln|vorgaben)\b/,
  },
  {
    weight: STRONG,
    re: /\b(?:zeige?|nenne|gib|verrate|wiederhole|drucke)\b(?: \w+){0,3} (?:system-?prompt|prompt-?text|prompt)\b/,
  },
  { weight: STRONG, re: /\b(?:neue|folgende) (?:anweisungen|aufgaben?) folg/ },
  {
    weight: WEAK,
    re: /\b(?:du bist|sie sind) (?:jetzt|nun|ab sofort|ab jetzt)\b|\b(?:ab jetzt|ab sofort|jetzt|nun) bist du\b/,
  },
  {
    weight: WEAK,
    re: /\b(?:tu so|tun sie so),? als\b|\bstell dir vor,? du bist\b|\bals \w+ (?:fungieren|fungierst|agieren|agierst)\b/,
  },
  // Spanish: "ignora las instrucciones anteriores", "olvida todo", "ahora eres".
  {
    weight: STRONG,
    re: new RegExp(
      `\\b(?:ignora|ignore|ignorad|olvida|olvide|olvidate de|descarta|omite)\\b(?: \\w+){0,3} ${ES_RULES}(?: \\w+)? (?:anteriores|previas|de arriba|originales)\\b`,
    ),
  },
  {
    weight: STRONG,
    re: new RegExp(`\\b(?:ignora|olvida|olvide|descarta) (?:todas las|tus|sus) ${ES_RULES}\\b`),
  },
  { weight: WEAK, re: /\b(?:olvida|olvide|ignora) todo\b/ },
  {
    weight: STRONG,
    re: /\b(?:muestra|muestrame|revela|dime|repite|imprime)\b(?: \w+){0,3} (?:prompt|instrucciones (?:del sistema|iniciales|ocultas))\b/,
  },
  { weight: STRONG, re: /\bprompt del sistema\b/ },
  { weight: WEAK, re: /\b(?:ahora|a partir de ahora) eres\b/ },
  { weight: WEAK, re: /\bactua como\b|\bfinge (?:ser|que eres)\b|\bhaz de cuenta\b/ },
  // French: "ignore les instructions précédentes", "oublie tout", "tu es maintenant".
  {
    weight: STRONG,
    re: new RegExp(
      `\\b(?:ignore|ignorez|oublie|oubliez|neglige|negligez)\\b(?: \\w+){0,3} ${FR_RULES}(?: \\w+)? (?:precedentes|anterieures|ci-dessus|initiales|d'origine)\\b`,
    ),
  },
  {
    weight: STRONG,
    re: new RegExp(`\\b(?:ignore|ignorez|oublie|oubliez) (?:toutes les|tes|vos) ${FR_RULES}\\b`),
  },
  { weight: WEAK, re: /\b(?:oublie|oubliez|ignore|ignorez) tout\b/ },
  {
    weight: STRONG,
    re: /\b(?:montre|montrez|revele|revelez|affiche|affichez|repete|repetez)\b(?:-moi)?(?: \w+){0,3} (?:prompt|instructions (?:systeme|initiales|cachees))\b/,
  },
  { weight: STRONG, re: /\bprompt (?:systeme|du systeme)\b/ },
  {
    weight: WEAK,
    re: /\b(?:tu es|vous etes) (?:maintenant|desormais|a present)\b|\ba partir de maintenant,? tu\b/,
  },
  { weight: WEAK, re: /\bagis comme\b|\bagissez comme\b|\bfais semblant\b|\bfaites semblant\b/ },
];

/**
 * A customer taking back their own message ("ignore my previous email", "olvida mi último
 * mensaje") or talking shop (orders, deliveries, refunds, addresses): words an attack on the
 * assistant has no use for. They halve the learned model's score (its training set has few such
 * messages and reads "ignore" or "vorherige" alone as an attack); patterns are not discounted.
 */
const CUSTOMER_CONTEXT = [
  /\b(?:my|our) (?:previous|last|earlier|first|other) (?:message|email|e-mail|mail|question|request|comment|reply|order)s?\b/,
  /\b(?:meine|meinen|unsere) (?:vorherigen?|letzten?|fruheren?|ersten?|vorigen?) (?:nachricht|e-mail|mail|anfrage|frage|bestellung)\b/,
  /\b(?:mi|mis) (?:ultim[oa]s? |anterior |primer )?(?:mensaje|correo|pregunta|pedido)s?\b/,
  /\b(?:mon|ma|mes) (?:dernier |derniere |precedente? |premier )?(?:message|mail|e-mail|demande|question|commande)s?\b/,
  /\b(?:orders?|parcel|package|delivery|shipping|refunds?|returns?|purchase|sale|discount|warranty|invoice|address|bestellung|lieferung|paket|adresse|rechnung|pedido|envio|paquete|direccion|commande|livraison|colis|remboursement|adresse|ordine|spedizione|encomenda|entrega)\b/,
];

export function customerContext(text: string): boolean {
  const t = patternText(text);
  return CUSTOMER_CONTEXT.some((re) => re.test(t));
}

/** Lower case, no accents, one space between words: the form every pattern expects. */
export function patternText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/[’`´]/g, "'")
    .replace(/\s+/g, ' ');
}

/** Noisy-or of the weights of every pattern found: 0 when none, ≥ 0.95 after a strong one. */
export function patternScore(text: string): number {
  const t = patternText(text);
  let miss = 1;
  for (const p of INJECTION_PATTERNS) if (p.re.test(t)) miss *= 1 - p.weight;
  return 1 - miss;
}
