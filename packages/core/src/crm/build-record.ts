import type { CrmField, CrmRecordInput, CrmVendor } from '@replyforce/connectors/crm/types.ts';
import type { CrmSourceField } from '@replyforce/contracts';
import type { CrmSubject, CrmSubjectMessage } from '@replyforce/db';
import type { MappingEntry } from './default-mapping.ts';

const PLATFORM_NAMES: Record<string, string> = {
  facebook: 'Facebook',
  instagram: 'Instagram',
  whatsapp: 'WhatsApp',
  x: 'X',
};
/** Messages quoted in a note, and the length of each. */
const NOTE_MESSAGES = 5;
const NOTE_LINE = 300;

export type BuiltRecord = {
  record: CrmRecordInput;
  /** A note to attach, when the conversation moved on since the last one (keyed by its last message). */
  note: { key: string; title: string; body: string } | undefined;
};

function latestEntity(messages: CrmSubjectMessage[], type: string): string | undefined {
  for (const m of messages) {
    const hit = m.entities?.find((e) => e.type === type && e.value.trim() !== '');
    if (hit) return hit.value.trim();
  }
  return undefined;
}

function splitName(s: CrmSubject): { first: string; last: string; full: string } {
  const platform = PLATFORM_NAMES[s.platform] ?? s.platform;
  const full = s.displayName?.trim() || s.username?.trim() || `${platform} user ${s.platformUserId}`;
  const parts = (s.displayName ?? '').trim().split(/\s+/).filter(Boolean);
  // CRMs that need a last name (Salesforce, Zoho) get one even for a single name or a handle.
  if (parts.length >= 2) return { first: parts[0] ?? '', last: parts.slice(1).join(' '), full };
  return { first: '', last: parts[0] ?? full, full };
}

/** Every value ReplyForce can send, by source field name. */
function sourceValues(
  vendor: CrmVendor,
  s: CrmSubject,
  messages: CrmSubjectMessage[],
  publicUrl: string,
): Record<CrmSourceField, string> {
  const name = splitName(s);
  const company = latestEntity(messages, 'company');
  return {
    email: latestEntity(messages, 'email') ?? '',
    first_name: name.first,
    last_name: name.last,
    full_name: name.full,
    phone: s.phone ?? latestEntity(messages, 'phone') ?? '',
    username: s.username ?? '',
    // Salesforce and Zoho refuse a lead without a company; theirs is the web-to-lead placeholder.
    company: company ?? (vendor === 'salesforce' || vendor === 'zoho' ? '[not provided]' : ''),
    lead_tag: s.tag,
    lead_score: String(s.score),
    intent: s.intent ?? '',
    lead_source: PLATFORM_NAMES[s.platform] ?? s.platform,
    channel: s.platform,
    summary: summaryOf(messages).slice(0, 1000),
    conversation_url: s.conversationId ? `${publicUrl}/inbox/${s.conversationId}` : '',
    contact_id: s.contactId,
  };
}

function summaryOf(messages: CrmSubjectMessage[]): string {
  return messages
    .slice(0, NOTE_MESSAGES)
    .map((m) => `- ${(m.summary?.trim() || m.text).replace(/\s+/g, ' ').slice(0, NOTE_LINE)}`)
    .join('\n');
}

/**
 * The record a lead becomes in one CRM under the connection's mapping. Empty values are left out
 * (a sync never blanks what the CRM already has), and so is a value a picklist does not offer.
 */
export function buildRecord(
  vendor: CrmVendor,
  subject: CrmSubject,
  messages: CrmSubjectMessage[],
  mapping: MappingEntry[],
  fields: CrmField[] | null,
  ctx: { publicUrl: string; notedKey: string | null },
): BuiltRecord {
  const values = sourceValues(vendor, subject, messages, ctx.publicUrl);
  const options = new Map(
    (fields ?? []).filter((f) => f.options?.length).map((f) => [f.name, f.options ?? []]),
  );
  const out: Record<string, string> = {};
  for (const m of mapping) {
    const raw = values[m.source];
    if (raw === undefined || raw === '') continue;
    const mapped = m.valueMap ? m.valueMap[raw] : raw;
    if (mapped === undefined || mapped === '') continue;
    const allowed = options.get(m.target);
    if (allowed && !allowed.includes(mapped)) continue;
    out[m.target] = mapped;
  }
  const record: CrmRecordInput = {
    externalKey: subject.contactId,
    fields: out,
    ...(values.email ? { email: values.email } : {}),
  };
  const key = subject.lastMessageId ?? subject.conversationId;
  const note =
    key && key !== ctx.notedKey
      ? {
          key,
          title: `ReplyForce: ${subject.tag} lead from ${values.lead_source}`,
          body: [
            `${values.full_name} wrote on ${values.lead_source}. Lead ${subject.tag}, score ${subject.score}${subject.intent ? `, intent ${subject.intent}` : ''}.`,
            '',
            messages.length > 0 ? `Latest messages (newest first):\n${summaryOf(messages)}` : '',
            '',
            values.conversation_url ? `Conversation: ${values.conversation_url}` : '',
          ]
            .filter((line, i, all) => line !== '' || (all[i - 1] ?? '') !== '')
            .join('\n')
            .trim(),
        }
      : undefined;
  return { record, note };
}
