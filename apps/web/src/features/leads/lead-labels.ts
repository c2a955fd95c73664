// Words for what the scoring and the CRM sync report as ids. The ids come from
// packages/ai/src/lead-score/score-lead.ts and LeadCrmDto; an id this list does not know yet is
// still shown, in plain words, rather than hidden.

const SIGNALS: Record<string, string> = {
  pricing_inquiry: 'Asked about pricing',
  availability_question: 'Asked about availability',
  demo_or_trial_request: 'Asked for a demo or trial',
  repeat_engagement: 'Wrote several times',
  positive_about_product: 'Positive about the product',
  urgency_language: 'Sounds urgent',
  ready_to_buy: 'Ready to buy',
  specific_product_mention: 'Named one of your products',
  product_inquiry: 'Asked about a product',
  feature_question: 'Asked about features',
  first_contact_with_interest: 'First contact, interested',
  follows_or_subscribes: 'Follows or subscribes',
  greeting: 'Greeting',
  unrelated_question: 'Question without buying signals',
  spam: 'Spam',
  negative_about_product: 'Negative about the product',
  not_interested: 'Said not interested',
  earlier_engagement: 'Earlier score carried over',
  previously_hot: 'Was HOT before',
  manual_tag: 'Tag set by hand',
  manual_tag_cleared: 'Tag handed back to scoring',
};

/** "pricing_inquiry" → "Asked about pricing"; unknown ids → "Some new signal". */
export function signalLabel(id: string): string {
  const known = SIGNALS[id];
  if (known) return known;
  const words = id.replace(/[_-]+/g, ' ').trim();
  return words ? words.charAt(0).toUpperCase() + words.slice(1) : id;
}

const INTENTS: Record<string, string> = {
  question: 'Question',
  complaint: 'Complaint',
  compliment: 'Compliment',
  request: 'Request',
  feedback: 'Feedback',
  purchase_intent: 'Purchase intent',
  human_request: 'Asked for a person',
  greeting: 'Greeting',
  spam: 'Spam',
  other: 'Other',
};

export function intentLabel(id: string | null): string {
  if (!id) return 'Not known yet';
  return INTENTS[id] ?? signalLabel(id);
}

export type CrmSyncStatus = 'pending' | 'syncing' | 'synced' | 'failed' | 'dead';

export const CRM_STATUS_LOOK: Record<
  CrmSyncStatus,
  { label: string; tone: 'neutral' | 'green' | 'red' | 'amber' }
> = {
  pending: { label: 'Waiting to sync', tone: 'neutral' },
  syncing: { label: 'Syncing', tone: 'amber' },
  synced: { label: 'Synced', tone: 'green' },
  failed: { label: 'Failed, retrying', tone: 'amber' },
  dead: { label: 'Gave up', tone: 'red' },
};

const VENDORS: Record<string, string> = {
  hubspot: 'HubSpot',
  salesforce: 'Salesforce',
  zoho: 'Zoho CRM',
  pipedrive: 'Pipedrive',
};

export function vendorLabel(vendor: string): string {
  return VENDORS[vendor] ?? vendor;
}
