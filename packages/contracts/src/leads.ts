import { z } from 'zod';
import { LEAD_TAGS } from './conversations.ts';
import { LeadCrmDto } from './crm.ts';

export const LeadDto = z.object({
  id: z.uuid(),
  contact: z.object({
    id: z.uuid(),
    name: z.string().nullable(),
    username: z.string().nullable(),
    platformUserId: z.string(),
    channelId: z.uuid(),
  }),
  score: z.number().int().min(0).max(100),
  tag: z.enum(LEAD_TAGS),
  /** A tag a person set; scoring keeps it until cleared. */
  manualTag: z.enum(LEAD_TAGS).nullable(),
  intent: z.string().nullable(),
  signals: z.array(z.string()),
  recommendedAction: z.string().nullable(),
  messageCount: z.number().int(),
  lastMessageId: z.uuid().nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  /** The lead in each connected CRM: sync status, record id, owner and status there. */
  crm: z.array(LeadCrmDto).optional(),
});
export type LeadDto = z.infer<typeof LeadDto>;

export const LeadScoreEventDto = z.object({
  id: z.uuid(),
  reason: z.enum(['message', 'manual']),
  messageId: z.uuid().nullable(),
  actorUserId: z.uuid().nullable(),
  score: z.number().int(),
  tag: z.enum(LEAD_TAGS),
  previousScore: z.number().int().nullable(),
  previousTag: z.enum(LEAD_TAGS).nullable(),
  signals: z.array(z.string()),
  createdAt: z.iso.datetime(),
});

export const LeadDetailDto = LeadDto.extend({
  history: z.array(LeadScoreEventDto),
  conversations: z.array(z.object({ id: z.uuid(), status: z.string(), lastMessageAt: z.iso.datetime() })),
});

export const LeadQuery = z.object({
  tag: z.enum(LEAD_TAGS).optional(),
  q: z.string().trim().min(1).max(100).optional(),
  minScore: z.coerce.number().int().min(0).max(100).optional(),
  sort: z.enum(['recent', 'score']).default('recent'),
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: z.string().max(200).optional(),
});

export const LeadPage = z.object({ items: z.array(LeadDto), nextCursor: z.string().nullable() });

/** PATCH /leads/:id/tag — null hands the tag back to scoring. */
export const LeadTagBody = z.object({ tag: z.enum(LEAD_TAGS).nullable() });

export const LeadStatsDto = z.object({
  total: z.number().int(),
  byTag: z.object({ HOT: z.number().int(), WARM: z.number().int(), COLD: z.number().int() }),
  averageScore: z.number(),
  updatedLast7Days: z.number().int(),
});
