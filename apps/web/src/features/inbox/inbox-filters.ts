import type { ConversationDto, ConversationStatusId } from '@replyforce/contracts';
import { isPlatform } from '../../lib/platforms.ts';

export type LeadTagId = NonNullable<ConversationDto['leadTag']>;

// Copies of the contracts' lists, which live next to zod schemas: this keeps zod out of the bundle.
export const STATUSES: readonly ConversationStatusId[] = [
  'open',
  'pending_approval',
  'needs_human',
  'snoozed',
  'closed',
];
export const LEAD_TAGS: readonly LeadTagId[] = ['HOT', 'WARM', 'COLD'];

/** What the inbox is filtered by; lives in the address so it can be bookmarked, shared and reloaded. */
export interface InboxFilters {
  status: ConversationStatusId | '';
  platform: string;
  /** `me`, `none` (unassigned) or a teammate's user id. */
  assignee: string;
  leadTag: LeadTagId | '';
  q: string;
}

/** The query GET /conversations accepts (ConversationQuery in packages/contracts). */
export interface ConversationQueryFilters {
  status?: string;
  platform?: string;
  assignee?: string;
  leadTag?: string;
  q?: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const MAX_SEARCH = 200;

function isStatus(value: string | null): value is ConversationStatusId {
  return (STATUSES as readonly (string | null)[]).includes(value);
}

function isLeadTag(value: string | null): value is LeadTagId {
  return (LEAD_TAGS as readonly (string | null)[]).includes(value);
}

/** Unknown values in a hand-edited address are dropped rather than sent to the server. */
export function readFilters(params: URLSearchParams): InboxFilters {
  const status = params.get('status');
  const platform = params.get('platform');
  const assignee = params.get('assignee') ?? '';
  const leadTag = params.get('leadTag');
  return {
    status: isStatus(status) ? status : '',
    platform: isPlatform(platform) ? platform : '',
    assignee: assignee === 'me' || assignee === 'none' || UUID.test(assignee) ? assignee.toLowerCase() : '',
    leadTag: isLeadTag(leadTag) ? leadTag : '',
    q: (params.get('q') ?? '').trim().slice(0, MAX_SEARCH),
  };
}

export function hasFilters(filters: InboxFilters): boolean {
  return Boolean(filters.status || filters.platform || filters.assignee || filters.leadTag || filters.q);
}

/** The filters as the API takes them: "me" becomes the signed-in user's id. */
export function toQueryFilters(filters: InboxFilters, userId: string): ConversationQueryFilters {
  const assignee = filters.assignee === 'me' ? userId : filters.assignee;
  return {
    ...(filters.status ? { status: filters.status } : {}),
    ...(filters.platform ? { platform: filters.platform } : {}),
    ...(assignee ? { assignee } : {}),
    ...(filters.leadTag ? { leadTag: filters.leadTag } : {}),
    ...(filters.q ? { q: filters.q } : {}),
  };
}

/** The address's query string with one filter changed (an empty value removes it). */
export function searchWith(params: URLSearchParams, key: keyof InboxFilters, value: string): string {
  const next = new URLSearchParams(params);
  if (value) next.set(key, value);
  else next.delete(key);
  const text = next.toString();
  return text ? `?${text}` : '';
}
