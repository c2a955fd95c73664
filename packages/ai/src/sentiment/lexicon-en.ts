/**
 * The English polarity lexicon, graded: ±2 for words that carry their polarity almost whatever the
 * context ("awesome", "disgusting"), ±1 for words that usually do ("good", "late", "lost").
 * English is the language customers write most and the one with the least training data per word
 * it uses (about 2,400 distinct tweets), so a word the tweets never showed still counts here.
 * Written for this project from general English usage, not taken from a published list; words whose
 * polarity flips with use ("like", "pretty", "well", "kind", "fire") are left out.
 * Entries are lower case; a trailing `*` matches any ending.
 */

const STRONG_POSITIVE =
  'love loved loves loving lovely adore adored adores adorable amazing amazingly awesome awesomeness ' +
  'excellent excellence fantastic perfect perfectly perfection wonderful wonderfully brilliant ' +
  'brilliantly incredible incredibly outstanding superb magnificent phenomenal spectacular terrific ' +
  'marvelous marvellous fabulous gorgeous stunning beautiful beautifully breathtaking exceptional ' +
  'glorious heavenly divine flawless impeccable sublime majestic masterpiece legendary legend ' +
  'thrilled ecstatic delighted overjoyed elated euphoric blissful bliss joyful joyous jubilant ' +
  'excited exciting excitement congratulations congrats congratulate* felicitations best greatest ' +
  'happiest finest blessed blessing blessings grateful gratitude thankful yay yayy woohoo hooray ' +
  'hurray bravo kudos woot wooo yess yesss stoked pumped psyched dope lit fab fabulously epic ' +
  'unforgettable remarkable extraordinary wondrous sensational splendid superb* delightful ' +
  'delicious scrumptious yummy heartwarming inspiring inspirational triumph triumphant victorious ' +
  'champion champions championship* winner winners lovin luv ily iloveyou xoxo ' +
  'proud proudly honored honoured privileged fave favourite favorite favorites favourites ' +
  'beloved cherish* treasure* rejoice* celebrate* celebrating celebration celebrations ' +
  'enjoy enjoyed enjoying enjoys enjoyable happy happily happiness glad gladly cheerful ' +
  'hilarious lmao lmfao rofl haha hahaha hahah hehe lol lolol funniest ' +
  'love*';

const POSITIVE =
  'good great nice cool fun funny fine better improve* improved improvement* pleasant pleased pleasing ' +
  'pleasure satisfied satisfying satisfaction content glad grin* smile smiles smiled smiling laugh ' +
  'laughs laughed laughing laughter cute sweet sweetheart sweetest kindness friendly warm ' +
  'warmest welcoming welcome helpful helped supportive support supporting supported thanks thank ' +
  'thanked thanking thankyou thx ty tysm appreciate* appreciation recommend* recommended worth ' +
  'worthy valuable value useful handy easy easier effortless smooth smoothly quick fast efficient ' +
  'reliable trustworthy trusted honest genuine fair fairly safe safer secure comfortable comfy cozy ' +
  'cosy relax relaxed relaxing calm peaceful peace hope hopes hoping hopeful hopefully optimistic ' +
  'positive positivity confident confidence brave courage courageous strong strength bright ' +
  'brighter clean fresh tasty healthy fit lucky luckily fortunate fortunately win wins won winning ' +
  'victory victories success successful succeed* achieve* achievement accomplish* progress ' +
  'interesting intriguing impressive impressed impress fascinating fascinated creative clever smart ' +
  'genius talented talent skilled gifted hero heroes heroic inspire inspired motivated motivation ' +
  'motivating wise wisdom respect respected respectful admire* generous generosity charming charm ' +
  'elegant classy stylish lovable likeable likable attractive handsome hot sexy ' +
  'fantasy dream dreams dreamy magic magical miracle wonder wow whoa omg yes ' +
  'excite* eager ready gorgeous* cheer cheers cheering hug hugs hugged kiss kisses xx xxx ' +
  'friend friends friendship buddy bff family welcome* hospitality grace graceful gracious ' +
  'awsome amazin gud gr8 kool luvly nicee goood greatt ' +
  'merry christmas birthday bday holiday holidays vacation weekend ' +
  'free bonus gift gifts reward rewarding prize fortune rich wealth upgrade upgraded ' +
  'recovered recovery healed heal* saved rescue* rescued solve* solved fixed resolved ' +
  'agree agreed agreement support* approve* approved endorse* ' +
  'beautiful* gem gems treat treats yummy* perfect* nailed nail* rocks rocked rock ' +
  'awesome* legit lovely* proud* sunshine sunny summer spring party partying ' +
  'ideal excellent* superior premium quality deserve* deserved earned ' +
  'bless congrat* enjoy* haha* heaven* hug* laugh* relax* satisf* smile* solid success* thank* tremendous unbelievable';

const NEGATIVE =
  'bad badly sad sadly sadness unhappy upset upsetting angry anger mad annoy annoyed annoying ' +
  'annoyance irritat* frustrat* bored boring dull tired tiring exhausted exhausting sick sickening ' +
  'sorry apolog* problem problems problematic issue issues trouble troubles troubling fail fails ' +
  'failed failing failure failures wrong broken break breaks broke lost lose loses losing loss ' +
  'losses loser losers poor poorly weak weakness worse worsen* worried worry worrying worries ' +
  'afraid scared scary fear fears feared frighten* nervous anxious anxiety stress stressed ' +
  'stressful hurt hurts hurting pain painful ache aching cry cries cried crying tears lonely ' +
  'alone miss missed missing misses unfortunately unfortunate regret* mistake mistakes error ' +
  'errors bug bugs glitch* delay delayed delays late slow slowly expensive overpriced ' +
  'pricey rude ugly gross nasty mess messy messed dirty filthy useless pointless worthless waste ' +
  'wasted wasting ridiculous absurd unfair injustice shame shameful ashamed embarrass* awkward ' +
  'guilty blame blamed blaming complain* refund cancel* banned ban bans attack attacks attacked ' +
  'war wars kill kills killed killing dead death deaths die dies died dying murder* shooting ' +
  'bomb bombing bombs terror terrorist terrorists terrorism violence violent abuse abused abusive ' +
  'victim victims crisis threat threats threaten* danger dangerous risk risky corrupt corruption ' +
  'fraud scam scammed scammer* lie lies lied lying liar liars fake fakes cheat cheated cheating ' +
  'steal stole stolen thief theft crime crimes criminal criminals illegal arrest arrested jail ' +
  'prison suck sucks sucked sucky damn dammit hell wtf smh ugh ughh meh sigh boo booo eww ew yuck ' +
  'nope doubt doubts doubtful skeptical suspicious confused confusing unclear complicated ' +
  'difficult struggle struggling struggled tough unable impossible ' +
  'disappoint* letdown worse* lack lacking lacks fault faulty defect* damaged damage* ruin ruined ' +
  'ruins ruining destroy* wreck* hate* jealous envy bitter gloomy depress* lame ' +
  'crap crappy junk garbage trash rubbish fake* mediocre meh bland sloppy careless lazy ' +
  'ignorant ignore ignored ignoring rejected reject* denied deny* refuse* refused unacceptable ' +
  'unprofessional incompetent clueless stupid dumb idiot idiots idiotic moron* fool foolish silly ' +
  'nonsense pathetic psycho weird creepy rant rants ranting whine whining whiny ' +
  'argue* argument conflict protest* riot* chaos panic panicked ' +
  'poverty hunger starving homeless unemployed fired layoff* debt bankrupt* broke ' +
  'sick* ill illness disease virus cancer injury injured wounded hospital funeral grief grieve* ' +
  'mourn* condolence* rip tragic tragedy accident crash crashed flood* disaster* ' +
  'unhappy* disrespect* offend* offensive insult* mock* bully* harass* racist racism ' +
  'sexist sexism bigot* hateful horrid* rotten sour spoiled stinks stinky smelly toxic ' +
  'overrated underwhelming outdated obsolete unreliable unstable inconsistent ' +
  'ripoff overcharged overcharge* charged scandal* controversy controversial ' +
  'fuming livid irate sulk* moody grumpy cranky whatever ' +
  'abuse* annoy* arrest* attack* buggy cheat* corrupt* crash* danger* defeat* delay* error* fault* fear* fool* greedy harm harmed harmful hurt* idiot* ignor* injur* issue* jerk kill* mess* miser* mistake* negative noisy pains refus* shame* shocking stuck suffer* threat* upset* victim* violen* waste*';

const STRONG_NEGATIVE =
  'hate hated hates hating hatred awful awfully terrible terribly horrible horribly horrific ' +
  'horrendous atrocious dreadful appalling abysmal disgusting disgusted disgust vile evil wicked ' +
  'worst furious outraged outrage outrageous livid enraged despise* loathe* detest* pathetic ' +
  'disaster disastrous catastrophe catastrophic nightmare nightmares devastating devastated ' +
  'heartbroken heartbreaking heartbreak miserable misery unbearable intolerable inexcusable ' +
  'unforgivable shameful disgrace disgraceful scum scumbag bastard* bitch bitches bitchy asshole* ' +
  'fuck fucked fucking fucks fuckin motherfucker* shit shitty bullshit crap* piss pissed ' +
  'dickhead dick douche* stfu gtfo kms kys depressed depression suicidal suicide tragic ' +
  'terrorists massacre slaughter* genocide brutal brutally cruel cruelty torture* rape* raped ' +
  'murdered killer* slaughter racist* nazi* damned cursed sickening revolting repulsive ' +
  'despicable deplorable contempt shameless useless* trash* garbage* worthless* hopeless ' +
  'helpless desperate desperation agony anguish tormented ruined* sucks* ' +
  'fail* epicfail scam* fraud* liar* ' +
  'bitch* disgust* fuck* horrible* outrage* terrib*';

/** The strongest reading wins when a word sits in two lists (a `*` entry and an exact one). */
export const ENGLISH_LEXICON: [string, number][] = [
  ...POSITIVE.split(/\s+/).map((w) => [w, 1] as [string, number]),
  ...NEGATIVE.split(/\s+/).map((w) => [w, -1] as [string, number]),
  ...STRONG_POSITIVE.split(/\s+/).map((w) => [w, 2] as [string, number]),
  ...STRONG_NEGATIVE.split(/\s+/).map((w) => [w, -2] as [string, number]),
].filter(([w]) => w !== '');

/** Words that strengthen the next lexicon word ("so good", "really bad"). */
export const INTENSIFIERS = new Set(
  (
    'very so soo really real truly totally absolutely completely extremely incredibly super ' +
    'highly most too way damn fucking freaking bloody utterly seriously insanely ridiculously ' +
    'muy tan tres très sehr echt molto tanto muito tão bahut bohot'
  ).split(' '),
);

/** Words that soften the next lexicon word ("a bit slow", "slightly late"). */
export const DIMINISHERS = new Set(
  'slightly somewhat kinda kind sorta bit little barely hardly fairly rather almost'.split(' '),
);
