import { z } from 'zod';
import { PLATFORMS } from '../types.ts';

const isoDate = z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'must be an ISO 8601 date');

export const customerSchema = z.object({
  id: z.string().min(1).max(64),
  name: z.string().max(200).optional(),
  username: z.string().max(100).optional(),
  phone: z.string().max(32).optional(),
});

export const messageSchema = z.object({
  platform: z.enum(PLATFORMS),
  accountId: z.string().min(1),
  customer: customerSchema,
  text: z.string().min(1).max(10_000),
  /** Back-dates the message, and with it the 24-hour window. */
  at: isoDate.optional(),
});

export const commentSchema = messageSchema.extend({
  postId: z.string().min(1).max(64).optional(),
  parentId: z.string().min(1).max(64).optional(),
});

export const threadQuerySchema = z.object({
  platform: z.enum(PLATFORMS),
  accountId: z.string().min(1),
  customerId: z.string().min(1),
});

export const sentQuerySchema = z.object({
  since: isoDate.optional(),
  limit: z.coerce.number().int().min(1).max(10_000).default(1000),
});

export const revokeSchema = z.object({ platform: z.enum(PLATFORMS), accountId: z.string().min(1) });

export const faultSchema = z.object({
  platform: z.enum(PLATFORMS),
  mode: z.enum(['none', 'error_5xx', 'timeout', 'rate_limit']),
  /** How many calls fail; every call until mode `none` when absent. */
  count: z.number().int().min(0).max(1_000_000).optional(),
});

export type MessageInput = z.infer<typeof messageSchema>;
export type CommentInput = z.infer<typeof commentSchema>;
