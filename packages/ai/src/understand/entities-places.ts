/**
 * A small gazetteer of countries and large cities (with their names in es/fr/de/it/pt where they
 * differ), matched only when capitalised in the text so "nice" and "reading" stay words.
 */
const PLACES = (
  'Afghanistan|Albania|Algeria|Argentina|Australia|Austria|Bangladesh|Belgium|Bolivia|Brazil|Bulgaria|Canada|' +
  'Chile|China|Colombia|Costa Rica|Croatia|Cuba|Czech Republic|Czechia|Denmark|Ecuador|Egypt|England|Estonia|' +
  'Ethiopia|Finland|France|Germany|Ghana|Greece|Guatemala|Hungary|Iceland|India|Indonesia|Iran|Iraq|Ireland|' +
  'Israel|Italy|Japan|Jordan|Kenya|Korea|South Korea|Lebanon|Lithuania|Luxembourg|Malaysia|Mexico|Morocco|' +
  'Netherlands|Holland|New Zealand|Nigeria|Norway|Pakistan|Panama|Paraguay|Peru|Philippines|Poland|Portugal|' +
  'Qatar|Romania|Russia|Saudi Arabia|Scotland|Serbia|Singapore|Slovakia|Slovenia|South Africa|Spain|Sweden|' +
  'Switzerland|Taiwan|Thailand|Tunisia|Turkey|Ukraine|United Arab Emirates|UAE|United Kingdom|UK|' +
  'United States|USA|Uruguay|Venezuela|Vietnam|Wales|Europe|Africa|Asia|' +
  'Alemania|Allemagne|Deutschland|Germania|Alemanha|España|Espagne|Spanien|Spagna|Espanha|Francia|Frankreich|' +
  'França|Italia|Italie|Italien|Itália|Inglaterra|Angleterre|Reino Unido|Royaume-Uni|Estados Unidos|' +
  'États-Unis|Etats-Unis|Vereinigte Staaten|Stati Uniti|Brasil|Brésil|Brasilien|México|Mexique|Marruecos|' +
  'Maroc|Schweiz|Suisse|Suiza|Svizzera|Österreich|Autriche|Países Bajos|Pays-Bas|Niederlande|' +
  'London|Londres|Londra|Paris|Parigi|Berlin|Berlín|Madrid|Barcelona|Barcelone|Rome|Roma|Rom|Milan|Milano|' +
  'Mailand|Milán|Munich|München|Múnich|Monaco di Baviera|Hamburg|Hambourg|Frankfurt|Cologne|Köln|Vienna|Wien|' +
  'Vienne|Viena|Zurich|Zürich|Geneva|Genève|Ginebra|Genf|Brussels|Bruxelles|Bruselas|Brüssel|Amsterdam|' +
  'Rotterdam|Lisbon|Lisboa|Lisbonne|Lissabon|Porto|Oporto|Seville|Sevilla|Valencia|Lyon|Marseille|Marsella|' +
  'Toulouse|Nice|Bordeaux|Naples|Napoli|Turin|Torino|Florence|Firenze|Venice|Venezia|Dublin|Edinburgh|' +
  'Manchester|Birmingham|Liverpool|Glasgow|Stockholm|Copenhagen|Oslo|Helsinki|Warsaw|Prague|Praga|Budapest|' +
  'Athens|Atenas|Istanbul|Moscow|Cairo|Dubai|Abu Dhabi|Riyadh|Tel Aviv|Mumbai|Delhi|New Delhi|Bangalore|' +
  'Bengaluru|Chennai|Kolkata|Karachi|Lahore|Dhaka|Bangkok|Singapore|Jakarta|Manila|Tokyo|Osaka|Seoul|Beijing|' +
  'Shanghai|Hong Kong|Sydney|Melbourne|Auckland|Toronto|Montreal|Montréal|Vancouver|New York|Nueva York|' +
  'Los Angeles|Chicago|Houston|Miami|San Francisco|Seattle|Boston|Washington|Atlanta|Dallas|Austin|Denver|' +
  'Las Vegas|Mexico City|Ciudad de México|Guadalajara|Monterrey|Bogotá|Bogota|Medellín|Lima|Santiago|' +
  'Buenos Aires|São Paulo|Sao Paulo|Rio de Janeiro|Caracas|Quito|Montevideo|Lagos|Nairobi|Johannesburg|' +
  'Cape Town|Casablanca|Marrakech|Tunis|Algiers'
).split('|');

const byLength = [...PLACES].sort((a, b) => b.length - a.length);
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const GAZETTEER = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:${byLength.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}])`,
  'gu',
);

export function findKnownPlaces(text: string): { value: string; start: number; end: number }[] {
  return [...text.matchAll(GAZETTEER)].map((m) => ({
    value: m[0],
    start: m.index,
    end: m.index + m[0].length,
  }));
}
