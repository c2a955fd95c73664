/**
 * A hand-written polarity lexicon for the eight languages, used as extra features by the sentiment
 * model (not as the classifier itself: lexicon-only systems reach ~56 macro recall on TweetEval, a
 * learned model does better, and the lexicon helps it on words rare in training; on English,
 * cross-validated on the training tweets, the model loses 8–9 points of macro recall without it).
 * English is graded (±1, ±2) and kept in lexicon-en.ts; the other languages are ±1 lists here.
 * Entries are lower case; a trailing `*` matches any ending ("excelent*" → "excelentes").
 * Romanised Hindi sits beside Devanagari because customers write both.
 */
import type { Language } from '../language/labels.ts';
import { ENGLISH_LEXICON } from './lexicon-en.ts';

type Polarity = { positive: string; negative: string };

const WORDS: Record<Exclude<Language, 'en'>, Polarity> = {
  es: {
    positive:
      'bueno buena buenos buenas genial excelent* perfect* encant* gracias feliz mejor mejores bonit* ' +
      'hermos* maravill* increíble increible alegr* fantástic* guap* amor quiero felicidad* felicit* ' +
      'divertid* recomiend* rápido facil fácil ' +
      'orgullos* disfrut* éxito exito ganar ganamos ganó triunf* brillante precios* espectacular* ' +
      'buenísim* buenisim* chido chida guay jaja* jeje* abrazo* besos beso ilusión ilusion esperanza ' +
      'agradecid* bendicion* bendecid* lindo linda lindos enhorabuena suerte sonrisa* paz bravo',
    negative:
      'malo mala malos malas peor peores odio odi* horrible terrible fatal triste asco asquer* ' +
      'vergüenza verguenza lament* problema* queja* estafa robo roto rota rotos lento lenta pésim* pesim* ' +
      'mierda basura tont* idiota enfad* enojad* cansad* decepcion* inútil inutil muert* miedo ' +
      'corrupt* mentir* mentira* ladr* culpa vergonzos* desastre* lamentable* asesin* violen* ' +
      'dolor duele llorar llorando pena penoso harto harta injust* ridícul* ridicul* abuso* crisis ' +
      'perder perdimos perdió fracaso* horror* grave preocup* sufr* maldit* joder puta puto',
  },
  fr: {
    positive:
      'bon bonne bons bonnes bien super génial genial excellent* parfait* merci heureu* adore ador* ' +
      "j'adore magnifique* formidable* bravo top content* contente joie amour aime aimé beau belle " +
      'incroyable* merveill* chouette sympa félicit* felicit* rapide facile ' +
      'mdr lol haha* bisou* bonheur fier fière réussi* reussi* victoire gagné gagne gagner ' +
      'meilleur* extra adorable* superbe* sourire* plaisir ravi ravie heureusement espoir bienvenue',
    negative:
      'mauvais* mauvaise* nul nulle pire horrible* terrible* déteste* deteste* triste* honte colère ' +
      'colere problème* probleme* arnaque* escroc* lenteur merde putain naze décevant* decevant* ' +
      'déçu* decu* inadmissible inacceptable fatigu* peur mort* chiant* énerv* enerv* pourri* ' +
      'ridicule* stupide* ' +
      'scandal* honteu* catastroph* désastr* desastr* mensonge* menteur* corrompu* injust* ' +
      'malheureu* dommage hélas helas grave inquiet* souffr* douleur pleur* crise échec* echec* ' +
      'perdu perdre violence* idiot* débile* debile* dégoût* degout* marre',
  },
  de: {
    positive:
      'gut gute guten gutes super toll tolle toller klasse prima perfekt* danke* liebe lieb* schön* ' +
      'schoen* freu* glücklich* gluecklich* wunderbar* großartig* grossartig* genial* spitze bester ' +
      'beste geil* lustig* empfehl* bravo ' +
      'glückwunsch* gratul* hervorragend* fantastisch* wunderschön* stolz* sieg* gewonnen gewinn* ' +
      'spaß spass genieß* geniess* herrlich* endlich yeah juhu freude hoffnung* lecker* cool',
    negative:
      'schlecht* schlimm* scheiß* scheiss* mist furchtbar* schrecklich* hass* traurig* ärger* aerger* ' +
      'wütend* wuetend* enttäusch* enttaeusch* problem* betrug* betrüg* langsam* kaputt* ' +
      'peinlich* unmöglich* frechheit dumm* blöd* bloed* nervig* nerv* angst tot katastroph* schade ' +
      'skandal* lüge* luege* lügner* korrupt* ungerecht* leider verloren verlier* niederlage* ' +
      'krise* sorge* schmerz* weinen idiot* unsinn quatsch versagt* versag* mies* übel uebel elend*',
  },
  it: {
    positive:
      'buono buona buoni buone bene bello bella belli belle ottim* perfett* grazie felic* adoro amo ' +
      'amore fantastic* meraviglios* splendid* brav* bravissim* stupend* migliore miglior* ' +
      'divertent* consiglio veloce facile complimenti evviva ' +
      'orgoglios* vittori* vinto vincere successo meglio magnific* favolos* simpatic* ' +
      'auguri speranza sorriso sorrid* baci* abbracci* felicità felicita gioia piacere ahah* haha*',
    negative:
      'cattiv* brutto brutta brutti pessim* peggio peggiore orribil* terribil* odio triste tristezza ' +
      'schifo vergogna problem* truffa* lento lenta merda cazzo rott* delus* inaccettabil* stanc* ' +
      'paura mort* arrabbiat* incazzat* stupid* ridicol* schif* ' +
      'scandal* vergognos* ladr* corrott* bugia* bugiard* ingiust* purtroppo perso perdere ' +
      'sconfitt* crisi disastr* dolore piang* male malissimo preoccup* soffr* fallit* buffon* idiot*',
  },
  pt: {
    positive:
      'bom boa bons boas ótimo otimo ótima otima excelent* perfeit* obrigad* feliz felicidade* ' +
      'amo amor adoro lind* maravilh* incrível incrivel melhor melhores parabéns parabens ' +
      'demais fantástic* fantastic* divertid* recomendo rápido rapido fácil facil top ' +
      'kkk* haha* rs rsrs beijo* abraço* orgulho* vitória vitoria ganhou vencer sucesso ' +
      'incrível sensacional show massa esperança alegria sorriso* gostei gosto curti* fofo fofa',
    negative:
      'ruim péssim* pessim* pior piores horrível horrivel terrível terrivel odeio ódio triste ' +
      'vergonha problema* golpe fraude lento lenta merda porra lixo chato chata decepcion* ' +
      'quebrad* atrasad* raiva medo mort* burr* ridícul* ridicul* absurd* ' +
      'corrupt* mentir* mentira* ladr* roubo culpa desastre* tragédia tragedia dor chorar chorando ' +
      'infeliz* infelizmente perdeu perder derrota* crise sofr* preocup* idiota* nojo nojent* saco',
  },
  ar: {
    positive:
      'شكرا شكراً جميل جميلة رائع رائعة ممتاز ممتازة حب احب أحب سعيد سعيدة الحمدلله الحمد مبروك ' +
      'افضل أفضل تمام حلو حلوة فرح يسلمو بارك موفق ماشاءالله ' +
      'عظيم أحسن احسن ممتع مبدع ابداع إبداع نجاح فوز فاز انتصار فخور العافية حبيبي حبيبتي ' +
      'ههه* سعادة فرحة أمل امل بطل روعة يحفظ تحية مبارك',
    negative:
      'سيء سيئ سيئة اسوأ أسوأ كره اكره أكره حزين حزينة زعلان غضب مشكلة مشاكل نصب احتيال ' +
      'فاشل فاشلة خايس حرام للاسف للأسف مقرف تعبان قتل موت ظلم كذب كذاب ' +
      'كارثة فساد فاسد خيانة خاين خائن ظالم حرب دمار قتلى ارهاب إرهاب مؤسف مأساة خسارة ' +
      'خسر هزيمة فشل وسخ زفت حقير غبي تافه مزعج قهر حسبي لعن* الارهاب الإرهاب عار',
  },
  hi: {
    positive:
      'accha acha achha achhi acchi badhiya badiya mast zabardast shandar shaandaar shukriya dhanyavad ' +
      'dhanyawad khush pyar pyaar sundar behtareen best wah waah jai badhai mubarak jeet shabash ' +
      'kamaal kamal dil khushi superb ' +
      'अच्छा अच्छी बढ़िया शानदार धन्यवाद शुक्रिया खुश प्यार सुंदर बेहतरीन',
    negative:
      'bura buri bekar bakwas ghatiya gussa dukh dukhi pareshan nafrat dhokha chor jhooth jhoot ' +
      'sharam sharm galat kharab bekaar faltu pagal bewakoof chutiya kamina gaddar deshdrohi ' +
      'bura haal barbad dhokebaaz jhootha ganda gandi ' +
      'बुरा बेकार बकवास घटिया गुस्सा दुख परेशान नफरत धोखा चोर झूठ शर्म गलत खराब',
  },
};

export type LexiconHit = 'positive' | 'negative';

/** Exact entries and `*` prefixes, each with its signed strength. */
type Compiled = { exact: Map<string, number>; prefixes: Map<string, number>; longestPrefix: number };

function compile(): Compiled {
  const exact = new Map<string, number>();
  const prefixes = new Map<string, number>();
  const put = (entry: string, score: number) => {
    if (entry === '') return;
    const [map, key] = entry.endsWith('*') ? [prefixes, entry.slice(0, -1)] : [exact, entry];
    // A word listed twice (two languages, or a plain and a strong list) keeps its strongest reading.
    if (Math.abs(score) > Math.abs(map.get(key) ?? 0)) map.set(key, score);
  };
  for (const [entry, score] of ENGLISH_LEXICON) put(entry, score);
  for (const lists of Object.values(WORDS)) {
    for (const entry of lists.positive.split(/\s+/)) put(entry, 1);
    for (const entry of lists.negative.split(/\s+/)) put(entry, -1);
  }
  let longestPrefix = 0;
  for (const key of prefixes.keys()) longestPrefix = Math.max(longestPrefix, key.length);
  return { exact, prefixes, longestPrefix };
}

const ALL = compile();

/** The longest `*` entry that starts the word, if any. */
function prefixScore(word: string): number {
  for (let n = Math.min(word.length, ALL.longestPrefix); n > 0; n--) {
    const score = ALL.prefixes.get(word.slice(0, n));
    if (score !== undefined) return score;
  }
  return 0;
}

function scoreOf(word: string): number {
  return ALL.exact.get(word) ?? prefixScore(word);
}

const DOUBLED = /(\p{L})\1/u;

/** Recent tokens' scores: most messages reuse a few thousand words; bounded so memory is too. */
const seen = new Map<string, number>();
const SEEN_LIMIT = 50_000;

/**
 * The signed strength (−2..2, 0 for none) of one normalised token. A hashtag reads as its word
 * ("#blessed"); a stretched word, already cut to two letters by normalisation ("loove"), is also
 * tried with one.
 */
export function lexiconScore(token: string): number {
  const cached = seen.get(token);
  if (cached !== undefined) return cached;
  const word = token.startsWith('#') ? token.slice(1) : token;
  let score = scoreOf(word);
  if (score === 0 && DOUBLED.test(word)) score = scoreOf(word.replace(DOUBLED, '$1'));
  if (seen.size >= SEEN_LIMIT) seen.clear();
  seen.set(token, score);
  return score;
}

/** The polarity of one normalised token, or undefined when the lexicon has no opinion. */
export function lexiconPolarity(token: string): LexiconHit | undefined {
  const score = lexiconScore(token);
  return score > 0 ? 'positive' : score < 0 ? 'negative' : undefined;
}
