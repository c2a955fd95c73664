/** Approved (and pending) message templates of a WABA, as the composer offers them. */
import { z } from 'zod';
import { readAnswer } from '../../http.ts';
import type { Graph } from '../meta-graph.ts';
import type { MessageTemplate } from '../types.ts';

const Templates = z.looseObject({
  data: z.array(
    z.looseObject({
      name: z.string(),
      language: z.string(),
      status: z.string(),
      category: z.string(),
      components: z.array(z.looseObject({ type: z.string(), text: z.string().optional() })).optional(),
    }),
  ),
});

const KNOWN_STATUSES = new Set<string>(['APPROVED', 'PENDING', 'REJECTED', 'PAUSED', 'DISABLED']);

export async function listTemplates(graph: Graph, wabaId: string, token: string): Promise<MessageTemplate[]> {
  const body = await graph({ method: 'GET', path: [wabaId, 'message_templates'], token });
  return readAnswer(Templates, body, 'Graph message_templates').data.map((t) => ({
    name: t.name,
    language: t.language,
    status: templateStatus(t.status),
    category: t.category,
    body: t.components?.find((c) => c.type.toUpperCase() === 'BODY')?.text ?? '',
  }));
}

/** Meta has more states than the composer cares about: in review counts as pending, the rest as unusable. */
function templateStatus(status: string): MessageTemplate['status'] {
  if (KNOWN_STATUSES.has(status)) return status as MessageTemplate['status'];
  return status === 'IN_APPEAL' ? 'PENDING' : 'DISABLED';
}
