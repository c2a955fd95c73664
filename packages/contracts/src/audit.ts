import { z } from 'zod';

export const AuditResult = z.enum(['success', 'failure']);
export const AuditLogDto = z.object({
  id: z.uuid(),
  createdAt: z.iso.datetime(),
  actor: z.object({
    userId: z.uuid().nullable(),
    email: z.string().nullable(),
    role: z.string().nullable(),
    ip: z.string().nullable(),
  }),
  action: z.string(),
  resource: z.object({ type: z.string(), id: z.string().nullable() }),
  metadata: z.record(z.string(), z.unknown()),
  result: AuditResult,
});
export type AuditLogDto = z.infer<typeof AuditLogDto>;

export const PageQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z.string().max(200).optional(),
});
export const AuditLogPage = z.object({
  items: z.array(AuditLogDto),
  nextCursor: z.string().nullable(),
});
export type AuditLogPage = z.infer<typeof AuditLogPage>;

export const OutboxMailDto = z.object({
  id: z.uuid(),
  to: z.string(),
  subject: z.string(),
  text: z.string(),
  status: z.enum(['queued', 'delivered', 'failed']),
  createdAt: z.iso.datetime(),
  deliveredAt: z.iso.datetime().nullable(),
});
export type OutboxMailDto = z.infer<typeof OutboxMailDto>;
export const OutboxPage = z.object({ items: z.array(OutboxMailDto), nextCursor: z.string().nullable() });
export type OutboxPage = z.infer<typeof OutboxPage>;
