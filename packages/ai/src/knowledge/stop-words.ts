/**
 * English function words that say nothing about which FAQ answers a question. Question words
 * (what, when, where…) are in the list: "when are you open" is found by "open", not by "when".
 * A query made only of these words keeps them (see `queryTerms`), so "where are you?" still works.
 */
export const ENGLISH_STOP_WORDS: ReadonlySet<string> = new Set(
  `a about above after again against all also am an and any are as at be because been before being
below between both but by can could did do does doing down during each either else ever few for from
further had has have having he her here hers herself him himself his how i if in into is it its itself
just let me might more most must my myself no nor not now of off on once only or other our ours
ourselves out over own per same shall she should so some such than that the their theirs them
themselves then there these they this those through to too under until up upon us very was we were
what whatever when where whether which while who whom whose why will with within without would yet
you your yours yourself yourselves s t d ll m re ve don doesn didn isn aren wasn weren won can't`.split(
    /\s+/,
  ),
);
