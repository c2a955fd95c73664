import { z } from 'zod';

/** A FAQ pair (question + answer) or a document (title + body, chunked for search). */
export const KbItemBody = z
  .object({
    kind: z.enum(['faq', 'document']),
    title: z.string().trim().max(200).optional(),
    question: z.string().trim().min(3).max(500).optional(),
    body: z.string().trim().min(1).max(200_000),
  })
  .refine((b) => b.kind !== 'faq' || b.question !== undefined, {
    message: 'A FAQ needs its question',
    path: ['question'],
  })
  .refine((b) => b.kind !== 'faq' || b.body.length <= 5_000, {
    message: 'A FAQ answer is at most 5,000 characters; add longer text as a document',
    path: ['body'],
  });

export const KbItemDto = z.object({
  id: z.uuid(),
  kind: z.enum(['faq', 'document']),
  title: z.string(),
  question: z.string().nullable(),
  body: z.string(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});

export const KbItemList = z.object({ items: z.array(KbItemDto) });

export const KbSearchQuery = z.object({
  q: z.string().trim().min(1).max(500),
  limit: z.coerce.number().int().min(1).max(20).default(5),
});

export const KbSearchResult = z.object({
  items: z.array(
    z.object({
      itemId: z.uuid(),
      kind: z.enum(['faq', 'document']),
      question: z.string().nullable(),
      text: z.string(),
    }),
  ),
});

const TEMPLATE_VARIABLE = /\{\{\s*(\w+)\s*\}\}/g;
export const TEMPLATE_VARIABLES = ['first_name', 'name', 'business'] as const;

/** A reply template for one intent; `{{first_name}}`, `{{name}}` and `{{business}}` are filled in. */
export const ReplyTemplateBody = z
  .object({
    name: z.string().trim().min(1).max(100),
    intent: z.string().trim().min(2).max(60),
    language: z.string().trim().min(2).max(5).nullable().default(null),
    body: z.string().trim().min(1).max(2000),
  })
  .refine(
    (t) =>
      [...t.body.matchAll(TEMPLATE_VARIABLE)].every((m) =>
        (TEMPLATE_VARIABLES as readonly string[]).includes(m[1] ?? ''),
      ),
    {
      message: `Unknown variable; use ${TEMPLATE_VARIABLES.map((v) => `{{${v}}}`).join(', ')}`,
      path: ['body'],
    },
  );

export const ReplyTemplateDto = z.object({
  id: z.uuid(),
  name: z.string(),
  intent: z.string(),
  language: z.string().nullable(),
  body: z.string(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export const ReplyTemplateList = z.object({ items: z.array(ReplyTemplateDto) });
