// The lead list's filters live in the address, so a filtered list can be bookmarked, shared and
// reloaded. These mirror LeadQuery in packages/contracts/src/leads.ts: the API filters by tag and
// name and sorts by recent activity or score; it has no channel filter.

export const LEAD_TAG_VALUES = ['HOT', 'WARM', 'COLD'] as const;
export type LeadTagValue = (typeof LEAD_TAG_VALUES)[number];
export type LeadSort = 'recent' | 'score';

export interface LeadListQuery {
  tag: LeadTagValue | '';
  q: string;
  sort: LeadSort;
}

/** The API's limit on `q`. */
export const LEAD_SEARCH_MAX = 100;

export function isLeadTag(value: unknown): value is LeadTagValue {
  return typeof value === 'string' && (LEAD_TAG_VALUES as readonly string[]).includes(value);
}

/** Whatever the address holds, a query the API accepts. */
export function readLeadQuery(params: URLSearchParams): LeadListQuery {
  const tag = params.get('tag')?.toUpperCase();
  return {
    tag: isLeadTag(tag) ? tag : '',
    q: (params.get('q') ?? '').trim().slice(0, LEAD_SEARCH_MAX),
    sort: params.get('sort') === 'score' ? 'score' : 'recent',
  };
}

/** Only what differs from the defaults, so the address and the cache key stay short. */
export function toSearchParams(query: LeadListQuery): URLSearchParams {
  const params = new URLSearchParams();
  if (query.tag) params.set('tag', query.tag);
  if (query.q) params.set('q', query.q);
  if (query.sort !== 'recent') params.set('sort', query.sort);
  return params;
}

export function hasLeadFilters(query: LeadListQuery): boolean {
  return Boolean(query.tag || query.q);
}
