import type { ReplyTemplateBody } from '@replyforce/contracts';
import {
  createReplyTemplate,
  deleteReplyTemplate,
  listReplyTemplates,
  type ReplyTemplateRow,
  updateReplyTemplate,
  withTenant,
} from '@replyforce/db';
import type { z } from 'zod';
import { AppError } from '../app-error.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { Actor, CoreDeps } from '../deps.ts';
import { forgetResponses } from '../replies/response-cache.ts';

type Body = z.output<typeof ReplyTemplateBody>;

function toDto(r: ReplyTemplateRow) {
  return {
    ...r,
    tenantId: undefined,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

export async function listTemplates(deps: CoreDeps, tenantId: string) {
  const rows = await withTenant(deps.db, tenantId, (tx) => listReplyTemplates(tx, tenantId));
  return { items: rows.map(toDto) };
}

export async function addTemplate(deps: CoreDeps, actor: Actor, body: Body) {
  forgetResponses(actor.tenantId);
  return withTenant(deps.db, actor.tenantId, async (tx) => {
    const row = await createReplyTemplate(tx, actor.tenantId, body);
    await recordAudit(tx, actor, {
      action: 'template.created',
      resourceType: 'reply_template',
      resourceId: row.id,
      result: 'success',
      metadata: { intent: row.intent },
    });
    return toDto(row);
  });
}

export async function editTemplate(deps: CoreDeps, actor: Actor, id: string, body: Body) {
  forgetResponses(actor.tenantId);
  return withTenant(deps.db, actor.tenantId, async (tx) => {
    const row = await updateReplyTemplate(tx, actor.tenantId, id, body);
    if (!row) throw new AppError('NOT_FOUND', 'Template not found');
    await recordAudit(tx, actor, {
      action: 'template.updated',
      resourceType: 'reply_template',
      resourceId: id,
      result: 'success',
    });
    return toDto(row);
  });
}

export async function removeTemplate(deps: CoreDeps, actor: Actor, id: string) {
  forgetResponses(actor.tenantId);
  await withTenant(deps.db, actor.tenantId, async (tx) => {
    if (!(await deleteReplyTemplate(tx, actor.tenantId, id)))
      throw new AppError('NOT_FOUND', 'Template not found');
    await recordAudit(tx, actor, {
      action: 'template.deleted',
      resourceType: 'reply_template',
      resourceId: id,
      result: 'success',
    });
  });
}
