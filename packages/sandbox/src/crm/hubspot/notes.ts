/**
 * POST /crm/v3/objects/notes/batch/create (§7.2): each note needs hs_timestamp and is associated to
 * a contact with HUBSPOT_DEFINED type 202. A note whose contact is missing fails alone (207).
 */
import { z } from 'zod';
import type { CrmContext } from '../context.ts';
import { addNote } from '../records.ts';
import type { CrmAccount } from '../types.ts';
import { toEpoch } from '../values.ts';
import { hubspot } from './errors.ts';
import { HUBSPOT_SPEC } from './spec.ts';

const NOTE_TO_CONTACT = 202;
const MAX_BODY = 65_536;

const NoteInput = z.object({
  properties: z.record(z.string(), z.string()),
  associations: z
    .array(
      z.object({
        to: z.object({ id: z.string() }),
        types: z.array(z.object({ associationCategory: z.string(), associationTypeId: z.number() })),
      }),
    )
    .default([]),
  objectWriteTraceId: z.string().optional(),
});
export const NotesBody = z.object({ inputs: z.array(NoteInput) });

export function createNotes(c: CrmContext, account: CrmAccount, inputs: z.infer<typeof NoteInput>[]) {
  if (inputs.length === 0 || inputs.length > 100)
    throw hubspot.validation(`Batch input size must be between 1 and 100; got ${inputs.length}`);
  const iso = (ms: number) => new Date(ms).toISOString();
  const results: object[] = [];
  const errors: object[] = [];
  for (const input of inputs) {
    const trace = input.objectWriteTraceId ? { objectWriteTraceId: [input.objectWriteTraceId] } : {};
    const fail = (category: string, message: string) =>
      errors.push({ status: 'error', category, message, context: { ...trace }, errors: [], links: {} });
    const { hs_timestamp: stamp = '', hs_note_body: body = '' } = input.properties;
    const at = toEpoch(stamp);
    if (Number.isNaN(at)) {
      fail('VALIDATION_ERROR', 'hs_timestamp is required: epoch milliseconds or an ISO 8601 UTC date');
      continue;
    }
    if (body.length > MAX_BODY) {
      fail('VALIDATION_ERROR', `hs_note_body is longer than ${MAX_BODY} characters`);
      continue;
    }
    const contacts = input.associations.filter((a) =>
      a.types.some(
        (t) => t.associationCategory === 'HUBSPOT_DEFINED' && t.associationTypeId === NOTE_TO_CONTACT,
      ),
    );
    const missing = contacts.find((a) => !account.records.has(a.to.id));
    if (missing || contacts.length !== input.associations.length) {
      fail(
        'VALIDATION_ERROR',
        missing ? `Contact ${missing.to.id} does not exist` : 'Unsupported association type',
      );
      continue;
    }
    const now = c.now();
    const id = HUBSPOT_SPEC.noteId(account.nextId++);
    for (const a of contacts)
      addNote(
        account,
        { id, recordId: a.to.id, title: '', body, at, createdAt: now },
        c.opts.maxNotesPerAccount,
      );
    results.push({
      id,
      properties: {
        hs_note_body: body,
        hs_timestamp: iso(at),
        hs_object_id: id,
        hs_createdate: iso(now),
        hs_lastmodifieddate: iso(now),
      },
      createdAt: iso(now),
      updatedAt: iso(now),
      archived: false,
      ...(input.objectWriteTraceId ? { objectWriteTraceId: input.objectWriteTraceId } : {}),
    });
  }
  const now = iso(c.now());
  return {
    status: errors.length > 0 ? 207 : 201,
    body: {
      status: 'COMPLETE',
      results,
      ...(errors.length > 0 ? { numErrors: errors.length, errors } : {}),
      startedAt: now,
      completedAt: now,
      links: {},
    },
  };
}
