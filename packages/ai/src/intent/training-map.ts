/**
 * How public intent data becomes social-message intents. No public set has ReplyForce's labels, so
 * this table DEFINES them: a dev-split figure measures agreement with this mapping, not with how a
 * person would label real DMs (the hand-labelled fixture in test/fixtures is the sanity check).
 * Source intents not listed are left out because they map to no label clearly.
 */
import type { Intent } from './schema.ts';

type Mapped = readonly [Intent, Topic];
export type Topic = 'pricing' | 'support' | 'complaint' | 'inquiry' | 'feedback' | 'other';

const request = ['request', 'support'] as const;
const inquiry = ['question', 'inquiry'] as const;
const pricing = ['question', 'pricing'] as const;
const other = ['other', 'other'] as const;

/** bitext customer support (27 intents, all used). */
export const BITEXT: Record<string, Mapped> = {
  complaint: ['complaint', 'complaint'],
  review: ['feedback', 'feedback'],
  contact_human_agent: ['human_request', 'support'],
  contact_customer_service: ['human_request', 'support'],
  place_order: ['purchase_intent', 'inquiry'],
  check_payment_methods: pricing,
  check_cancellation_fee: pricing,
  check_refund_policy: inquiry,
  delivery_options: inquiry,
  delivery_period: inquiry,
  newsletter_subscription: request,
  cancel_order: request,
  change_order: request,
  change_shipping_address: request,
  set_up_shipping_address: request,
  check_invoice: request,
  get_invoice: request,
  get_refund: request,
  track_order: request,
  track_refund: request,
  create_account: request,
  delete_account: request,
  edit_account: request,
  switch_account: request,
  recover_password: request,
  registration_problems: request,
  payment_issue: request,
};

/** banking77: fee and rate questions, plain information questions, charges people dispute, asks. */
export const BANKING77: Record<string, Mapped> = {
  exchange_charge: pricing,
  exchange_rate: pricing,
  top_up_by_bank_transfer_charge: pricing,
  top_up_by_card_charge: pricing,
  age_limit: inquiry,
  country_support: inquiry,
  supported_cards_and_currencies: inquiry,
  fiat_currency_support: inquiry,
  visa_or_mastercard: inquiry,
  apple_pay_or_google_pay: inquiry,
  card_delivery_estimate: inquiry,
  transfer_timing: inquiry,
  top_up_limits: inquiry,
  atm_support: inquiry,
  transaction_charged_twice: ['complaint', 'complaint'],
  wrong_amount_of_cash_received: ['complaint', 'complaint'],
  card_payment_wrong_exchange_rate: ['complaint', 'complaint'],
  extra_charge_on_statement: ['complaint', 'complaint'],
  terminate_account: request,
  request_refund: request,
  order_physical_card: request,
  change_pin: request,
  edit_personal_details: request,
  cancel_transfer: request,
};

/** CLINC150: greetings, thanks, shop-like questions and asks; assistant commands and `oos` as other. */
export const CLINC150: Record<string, Mapped> = {
  greeting: ['greeting', 'other'],
  thank_you: ['compliment', 'feedback'],
  goodbye: other,
  accept_reservations: inquiry,
  how_busy: inquiry,
  calories: inquiry,
  nutrition_info: inquiry,
  ingredients_list: inquiry,
  international_fees: pricing,
  interest_rate: pricing,
  order: ['purchase_intent', 'inquiry'],
  restaurant_reservation: ['purchase_intent', 'inquiry'],
  cancel_reservation: request,
  confirm_reservation: request,
  order_status: request,
  oos: other,
  ...Object.fromEntries(
    [
      // Commands and short replies only: CLINC's chit-chat questions ("do you have pets?", "what
      // time is it?") would teach that "do you have…?" is not a question.
      'alarm',
      'timer',
      'play_music',
      'tell_joke',
      'flip_coin',
      'roll_dice',
      'fun_fact',
      'yes',
      'no',
      'maybe',
      'next_song',
      'reminder',
      'shopping_list_update',
      'todo_list_update',
      'smart_home',
    ].map((k) => [k, other]),
  ),
};

/** Rows per source intent: keeps banking77 and the many `other` intents from swamping the rest. */
export const CAP_PER_SOURCE_INTENT = { banking77: 60, clinc150: 40, clincOos: 200, ham: 700 } as const;

/**
 * SMS spam → spam, its ham → other; positive tweets (six languages) that praise with a clear word →
 * compliment and negative ones that name a service failure → complaint (weak labels); neutral
 * tweets → other. Ham and neutral tweets that ask something are left out: a personal question is
 * still a question.
 */
export const PRAISE =
  /\b(love|loved|amazing|awesome|great|best|thank you|thanks|excellent|perfect|delicious|me encanta|gracias|genial|incre[ií]ble|j'adore|merci|g[ée]nial|super|danke|toll|grazie|bellissim[oa]|adoro|obrigad[oa]|maravilhos[oa])\b/i;
export const SERVICE_FAILURE =
  /\b(worst|terrible|horrible|awful|disappointed|disappointing|rude|never arrived|waited|waiting|refund|broken|damaged|ridiculous|unacceptable|scam|cold|late|delayed|p[eé]simo|terrible|decepcionad[oa]|nunca lleg[oó]|horrible|d[ée][çc]u|nul|inadmissible|entt[äa]uscht|schlecht|unversch[äa]mt|pessimo|deluso|vergogna|p[ée]ssimo|decepcionad[oa]|absurdo)\b/i;
export const TWEET_LANGS = new Set(['en', 'english', 'spanish', 'french', 'german', 'italian', 'portuguese']);
export const CAP_TWEETS = { compliment: 600, complaint: 500, other: 500 } as const;
