import { KEY_FIELD, KEY_LABEL } from '@replyforce/connectors/crm/shared/key-field.ts';
import type { CrmField, CrmVendor } from '@replyforce/connectors/crm/types.ts';
import type { CrmSourceField } from '@replyforce/contracts';

export type MappingEntry = {
  source: CrmSourceField;
  target: string;
  valueMap: Record<string, string> | null;
};

/** Candidate CRM values per ReplyForce value, best first; the first the CRM offers is taken. */
type Wish = { source: CrmSourceField; target: string; values?: Record<string, string[]> };

/** Custom properties ReplyForce creates where the vendor allows it, so score and source have a home. */
export const CUSTOM_FIELDS: Partial<Record<CrmVendor, Array<Pick<CrmField, 'name' | 'label' | 'type'>>>> = {
  hubspot: [
    // The unique key every upsert matches on; made at connect rather than on the first sync.
    { name: KEY_FIELD.hubspot, label: KEY_LABEL, type: 'string' },
    { name: 'replyforce_lead_score', label: 'ReplyForce lead score', type: 'number' },
    { name: 'replyforce_lead_source', label: 'ReplyForce lead source', type: 'string' },
    { name: 'replyforce_intent', label: 'ReplyForce intent', type: 'string' },
    { name: 'replyforce_conversation_url', label: 'ReplyForce conversation', type: 'string' },
  ],
};

const TAG = (hot: string[], warm: string[], cold: string[]) => ({ HOT: hot, WARM: warm, COLD: cold });
/** Keyed by the lead source ReplyForce sends: the channel's name. */
const SOURCE = (facebook: string[], instagram: string[], whatsapp: string[], x: string[]) => ({
  Facebook: facebook,
  Instagram: instagram,
  WhatsApp: whatsapp,
  X: x,
});

/**
 * Seed 001 §3.2 Agent 6, per vendor: contact email / first name / last name / phone, the lead tag
 * as the CRM's lead status, the channel as lead source, and the score.
 */
const WISHES: Record<CrmVendor, Wish[]> = {
  hubspot: [
    { source: 'email', target: 'email' },
    { source: 'first_name', target: 'firstname' },
    { source: 'last_name', target: 'lastname' },
    { source: 'phone', target: 'phone' },
    {
      source: 'lead_tag',
      target: 'hs_lead_status',
      values: TAG(['IN_PROGRESS', 'OPEN_DEAL'], ['OPEN'], ['NEW']),
    },
    { source: 'lead_score', target: 'replyforce_lead_score' },
    { source: 'lead_source', target: 'replyforce_lead_source' },
    { source: 'intent', target: 'replyforce_intent' },
    { source: 'conversation_url', target: 'replyforce_conversation_url' },
  ],
  salesforce: [
    { source: 'email', target: 'Email' },
    { source: 'first_name', target: 'FirstName' },
    { source: 'last_name', target: 'LastName' },
    { source: 'company', target: 'Company' },
    { source: 'phone', target: 'Phone' },
    {
      source: 'lead_tag',
      target: 'Status',
      values: TAG(['Working - Contacted'], ['Open - Not Contacted'], ['Open - Not Contacted']),
    },
    // Salesforce's standard Rating picklist, where the org has it.
    { source: 'lead_tag', target: 'Rating', values: TAG(['Hot'], ['Warm'], ['Cold']) },
    {
      source: 'lead_source',
      target: 'LeadSource',
      values: SOURCE(
        ['Facebook', 'Social', 'Web'],
        ['Instagram', 'Social', 'Web'],
        ['WhatsApp', 'Chat', 'Web'],
        ['Twitter', 'X', 'Social', 'Web'],
      ),
    },
  ],
  zoho: [
    { source: 'email', target: 'Email' },
    { source: 'first_name', target: 'First_Name' },
    { source: 'last_name', target: 'Last_Name' },
    { source: 'company', target: 'Company' },
    { source: 'phone', target: 'Phone' },
    {
      source: 'lead_tag',
      target: 'Lead_Status',
      values: TAG(['Pre-Qualified', 'Contacted'], ['Contacted', 'Contact in Future'], ['Not Contacted']),
    },
    {
      source: 'lead_source',
      target: 'Lead_Source',
      values: SOURCE(['Facebook'], ['Instagram', 'Chat'], ['WhatsApp', 'Chat'], ['Twitter', 'X (Twitter)']),
    },
  ],
  // Person labels are org-specific ids; the field list names them, and a new company starts with
  // "Hot lead", "Warm lead" and "Cold lead".
  pipedrive: [
    { source: 'full_name', target: 'name' },
    { source: 'email', target: 'emails' },
    { source: 'phone', target: 'phones' },
    {
      source: 'lead_tag',
      target: 'label_ids',
      values: TAG(['Hot lead', 'Hot'], ['Warm lead', 'Warm'], ['Cold lead', 'Cold']),
    },
  ],
};

/**
 * The starting mapping for a new connection: the vendor's wishes, kept where the CRM has the
 * field (a mapping to a field that does not exist would fail every upsert), with each value map
 * resolved to options the field offers (ignoring case).
 */
export function defaultMapping(vendor: CrmVendor, fields: CrmField[]): MappingEntry[] {
  const byName = new Map(fields.map((f) => [f.name, f]));
  const out: MappingEntry[] = [];
  for (const wish of WISHES[vendor]) {
    const field = byName.get(wish.target);
    if (!field || field.readOnly) continue;
    if (!wish.values) {
      out.push({ source: wish.source, target: wish.target, valueMap: null });
      continue;
    }
    const valueMap = resolveValues(field, wish.values);
    if (valueMap) out.push({ source: wish.source, target: wish.target, valueMap });
  }
  return out;
}

function resolveValues(field: CrmField, wanted: Record<string, string[]>): Record<string, string> | null {
  const options = field.options ?? [];
  if (options.length === 0) return Object.fromEntries(Object.entries(wanted).map(([k, v]) => [k, v[0] ?? k]));
  // An option matches by its value or, where values are ids, by its name.
  const named = (o: string) => [o, field.optionLabels?.[o] ?? o].map((s) => s.toLowerCase());
  const find = (candidate: string) => options.find((o) => named(o).includes(candidate.toLowerCase()));
  const map: Record<string, string> = {};
  for (const [ours, candidates] of Object.entries(wanted)) {
    const hit = candidates.map(find).find((v) => v !== undefined);
    if (hit !== undefined) map[ours] = hit;
  }
  // A lead tag map missing a tag would send raw "HOT" and fail: all of them, or no entry at all.
  return Object.keys(map).length === Object.keys(wanted).length || !('HOT' in wanted) ? map : null;
}
