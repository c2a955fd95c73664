/** Conversation notes (§7.2): one batch create, each note associated to its contact (type 202). */
import type { AssociationSpecAssociationCategoryEnum } from '@hubspot/api-client/lib/codegen/crm/objects/notes/models/AssociationSpec.js';
import { assertBatch } from '../shared/batch.ts';
import { asHtml, escapeHtml, truncate } from '../shared/text.ts';
import type { CrmNoteInput, CrmNoteResult } from '../types.ts';
import type { HubspotCall } from './client.ts';
import { HUBSPOT_BATCH } from './upsert.ts';

const NOTE_TO_CONTACT = 202;
const MAX_BODY = 65_536;

export async function addContactNotes(call: HubspotCall, notes: CrmNoteInput[]): Promise<CrmNoteResult[]> {
  assertBatch('hubspot', notes.length, HUBSPOT_BATCH, 'notes');
  if (notes.length === 0) return [];
  const inputs = notes.map((n, i) => ({
    properties: {
      hs_timestamp: n.at.toISOString(),
      hs_note_body: truncate(`<p><strong>${escapeHtml(n.title)}</strong></p>${asHtml(n.body)}`, MAX_BODY),
    },
    associations: [
      {
        to: { id: n.recordId },
        types: [
          {
            associationCategory: 'HUBSPOT_DEFINED' as AssociationSpecAssociationCategoryEnum,
            associationTypeId: NOTE_TO_CONTACT,
          },
        ],
      },
    ],
    // Results come back in any order; the trace id says which note each one is.
    objectWriteTraceId: String(i),
  }));
  const answer = await call('create notes', (c) => c.crm.objects.notes.batchApi.create({ inputs }));
  const out: CrmNoteResult[] = notes.map((n) => ({
    recordId: n.recordId,
    ok: false,
    message: 'HubSpot returned no result for this note',
  }));
  for (const r of answer.results) {
    const i = Number(r.objectWriteTraceId);
    const note = notes[i];
    if (note) out[i] = { recordId: note.recordId, ok: true, noteId: r.id };
  }
  for (const e of 'errors' in answer ? (answer.errors ?? []) : []) {
    const i = Number(e.context?.objectWriteTraceId?.[0]);
    const note = notes[i];
    if (note)
      out[i] = { recordId: note.recordId, ok: false, message: `HubSpot: ${e.message}`.slice(0, 1000) };
  }
  return out;
}
