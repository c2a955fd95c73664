import { chunkDocument } from '@replyforce/ai';
import type { KbItemBody } from '@replyforce/contracts';
import {
  createKbItem,
  deleteKbItem,
  getKbItem,
  type KbItemRow,
  listKbItems,
  updateKbItem,
  withTenant,
} from '@replyforce/db';
import type { z } from 'zod';
import { AppError } from '../app-error.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { Actor, CoreDeps } from '../deps.ts';
import { searchKnowledge as searchChunks } from '../replies/pipeline-input.ts';
import { forgetResponses } from '../replies/response-cache.ts';

type Body = z.output<typeof KbItemBody>;

export function toKbItemDto(r: KbItemRow) {
  return {
    id: r.id,
    kind: r.kind,
    title: r.title,
    question: r.question,
    body: r.body,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

/** A FAQ is searched as one piece; a document in chunks that never cut a word. */
export function kbItemAndChunks(body: Body) {
  const item = {
    kind: body.kind,
    title: body.title ?? (body.question ?? body.body).slice(0, 80),
    question: body.kind === 'faq' ? (body.question ?? null) : null,
    body: body.body,
  };
  const chunks = body.kind === 'faq' ? [body.body] : chunkDocument(body.body).map((c) => c.text);
  return { item, chunks };
}

export async function listKnowledge(deps: CoreDeps, tenantId: string, kind?: 'faq' | 'document') {
  const rows = await withTenant(deps.db, tenantId, (tx) => listKbItems(tx, tenantId, kind));
  return { items: rows.map(toKbItemDto) };
}

export async function getKnowledgeItem(deps: CoreDeps, tenantId: string, id: string) {
  const row = await withTenant(deps.db, tenantId, (tx) => getKbItem(tx, tenantId, id));
  if (!row) throw new AppError('NOT_FOUND', 'Knowledge item not found');
  return toKbItemDto(row);
}

export async function addKnowledgeItem(deps: CoreDeps, actor: Actor, body: Body) {
  const { item, chunks } = kbItemAndChunks(body);
  forgetResponses(actor.tenantId);
  return withTenant(deps.db, actor.tenantId, async (tx) => {
    const row = await createKbItem(tx, actor.tenantId, item, chunks);
    await recordAudit(tx, actor, {
      action: 'kb.item_created',
      resourceType: 'kb_item',
      resourceId: row.id,
      result: 'success',
      metadata: { kind: row.kind, chunks: chunks.length },
    });
    return toKbItemDto(row);
  });
}

export async function editKnowledgeItem(deps: CoreDeps, actor: Actor, id: string, body: Body) {
  const { item, chunks } = kbItemAndChunks(body);
  forgetResponses(actor.tenantId);
  return withTenant(deps.db, actor.tenantId, async (tx) => {
    const row = await updateKbItem(tx, actor.tenantId, id, item, chunks);
    if (!row) throw new AppError('NOT_FOUND', 'Knowledge item not found');
    await recordAudit(tx, actor, {
      action: 'kb.item_updated',
      resourceType: 'kb_item',
      resourceId: id,
      result: 'success',
      metadata: { chunks: chunks.length },
    });
    return toKbItemDto(row);
  });
}

export async function removeKnowledgeItem(deps: CoreDeps, actor: Actor, id: string) {
  forgetResponses(actor.tenantId);
  await withTenant(deps.db, actor.tenantId, async (tx) => {
    if (!(await deleteKbItem(tx, actor.tenantId, id)))
      throw new AppError('NOT_FOUND', 'Knowledge item not found');
    await recordAudit(tx, actor, {
      action: 'kb.item_deleted',
      resourceType: 'kb_item',
      resourceId: id,
      result: 'success',
    });
  });
}

/** What replies would find for this text (the editor's "test a question"). */
export async function searchKnowledge(deps: CoreDeps, tenantId: string, q: string, limit: number) {
  const hits = await withTenant(deps.db, tenantId, (tx) => searchChunks(tx, tenantId, q));
  return {
    items: hits
      .slice(0, limit)
      .map((h) => ({ itemId: h.id, kind: h.kind, question: h.question, text: h.text })),
  };
}
