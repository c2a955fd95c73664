/**
 * Turns a stored FAQ question into the kind of message a customer would type for it, so the
 * retrieval set never queries with the exact stored text. Deterministic: the random choices are
 * seeded by the question itself. The steps, each applied by chance:
 *  - drop question words and articles ("what is", "how can", "the"),
 *  - replace words by everyday synonyms from the table below (the ranker has no synonym list;
 *    this table was written before any measurement and is not used to tune anything),
 *  - drop a plural "s", introduce one typo (swap or drop a letter), move the second half first.
 */
import { seededRandom } from '../learn/linear-model.ts';

const DROPPABLE = new Set(
  'what how why when where who which whom is are was were do does did can could should would will the a an there'.split(
    ' ',
  ),
);

const SYNONYMS: Record<string, string> = {
  people: 'folks',
  person: 'someone',
  children: 'kids',
  child: 'kid',
  sick: 'ill',
  ill: 'sick',
  doctor: 'physician',
  doctors: 'physicians',
  get: 'catch',
  getting: 'catching',
  spread: 'pass on',
  spreads: 'passes',
  symptoms: 'signs',
  symptom: 'sign',
  protect: 'shield',
  prevent: 'avoid',
  risk: 'danger',
  home: 'house',
  wear: 'put on',
  mask: 'face covering',
  masks: 'face coverings',
  wash: 'clean',
  test: 'check',
  tested: 'checked',
  treatment: 'cure',
  medicine: 'medication',
  disease: 'illness',
  illness: 'disease',
  infected: 'contaminated',
  pregnant: 'expecting',
  women: 'ladies',
  school: 'classes',
  schools: 'classes',
  work: 'job',
  employees: 'staff',
  workers: 'staff',
  buy: 'purchase',
  food: 'meals',
  pets: 'animals',
  dangerous: 'risky',
  safe: 'okay',
  happen: 'occur',
  recommend: 'advise',
  recommended: 'advised',
  know: 'tell',
  help: 'assist',
  die: 'pass away',
  death: 'fatality',
  older: 'elderly',
  elderly: 'older folks',
  healthcare: 'medical',
  hospital: 'clinic',
  vaccine: 'jab',
  outbreak: 'epidemic',
  quarantine: 'isolation',
  isolation: 'quarantine',
  contact: 'touch',
  surfaces: 'objects',
  stay: 'remain',
  close: 'shut',
  closed: 'shut',
  large: 'big',
  small: 'little',
  events: 'gatherings',
  gatherings: 'events',
  information: 'info',
  need: 'require',
  start: 'begin',
  stop: 'halt',
  cancel: 'call off',
  country: 'nation',
  countries: 'nations',
  travel: 'go abroad',
  cases: 'patients',
};

function hashSeed(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619) >>> 0;
  return h;
}

function typo(word: string, random: () => number): string {
  const at = 1 + Math.floor(random() * (word.length - 2));
  if (random() < 0.5) return word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2);
  return word.slice(0, at) + word.slice(at + 1);
}

export function rewriteQuestion(question: string): string {
  const random = seededRandom(hashSeed(question));
  const words = question
    .toLowerCase()
    .split(/\s+/)
    .map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
    .filter((w) => w !== '');
  let out = words.filter((w) => !(DROPPABLE.has(w) && random() < 0.6));
  out = out.map((w) => {
    const synonym = SYNONYMS[w];
    if (synonym && random() < 0.5) return synonym;
    if (/^[a-z]{5,}s$/.test(w) && !w.endsWith('ss') && random() < 0.25) return w.slice(0, -1);
    return w;
  });
  const typoCandidates = out.map((w, i) => (/^[a-z]{5,}$/.test(w) ? i : -1)).filter((i) => i >= 0);
  if (typoCandidates.length > 0 && random() < 0.6) {
    const i = typoCandidates[Math.floor(random() * typoCandidates.length)]!;
    out[i] = typo(out[i]!, random);
  }
  if (out.length >= 4 && random() < 0.5) {
    const cut = 1 + Math.floor(random() * (out.length - 1));
    out = [...out.slice(cut), ...out.slice(0, cut)];
  }
  return out.length > 0 ? out.join(' ') : question.toLowerCase();
}
