/** Conversation notes on the Lead (§9.2), with v8's Parent_Id object form. Zoho notes are plain text. */
import { assertBatch } from '../shared/batch.ts';
import { htmlToText, truncate } from '../shared/text.ts';
import type { CrmNoteInput, CrmNoteResult } from '../types.ts';
import { describeFailure, recordResults, type ZohoApi } from './api.ts';
import { ZOHO_BATCH } from './upsert.ts';

export async function addLeadNotes(api: ZohoApi, notes: CrmNoteInput[]): Promise<CrmNoteResult[]> {
  assertBatch('zoho', notes.length, ZOHO_BATCH, 'notes');
  if (notes.length === 0) return [];
  const answer = await api({
    method: 'POST',
    path: '/Notes',
    json: {
      data: notes.map((n) => ({
        Note_Title: truncate(n.title, 120),
        Note_Content: htmlToText(n.body),
        Parent_Id: { module: { api_name: 'Leads' }, id: n.recordId },
      })),
    },
    label: 'Notes',
  });
  const results = recordResults(answer);
  return notes.map((n, i): CrmNoteResult => {
    const r = results[i];
    const id = r?.details?.id;
    return r?.status === 'success' && typeof id === 'string'
      ? { recordId: n.recordId, ok: true, noteId: id }
      : { recordId: n.recordId, ok: false, message: describeFailure(r) };
  });
}
