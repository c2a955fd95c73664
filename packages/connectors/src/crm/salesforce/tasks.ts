/** Conversation notes as completed Tasks on the Lead (WhoId), created through sObject Collections (§8.3). */
import { assertBatch } from '../shared/batch.ts';
import { htmlToText, truncate } from '../shared/text.ts';
import type { CrmNoteInput, CrmNoteResult } from '../types.ts';
import type { SfConnection } from './connection.ts';
import { SALESFORCE_BATCH } from './upsert.ts';

type SaveResult = { id?: string; success: boolean; errors: { statusCode?: string; message?: string }[] };

export async function addLeadTasks(conn: SfConnection, notes: CrmNoteInput[]): Promise<CrmNoteResult[]> {
  assertBatch('salesforce', notes.length, SALESFORCE_BATCH, 'notes');
  if (notes.length === 0) return [];
  const tasks = notes.map((n) => ({
    Subject: truncate(n.title, 255),
    // Task comments are plain text.
    Description: truncate(htmlToText(n.body), 32_000),
    WhoId: n.recordId,
    Status: 'Completed',
    Priority: 'Normal',
    ActivityDate: n.at.toISOString().slice(0, 10),
    TaskSubtype: 'Task',
  }));
  const results = (await conn
    .sobject('Task')
    .create(tasks as never, { allOrNone: false })) as unknown as SaveResult[];
  return notes.map((n, i): CrmNoteResult => {
    const r = results[i];
    if (r?.success && r.id) return { recordId: n.recordId, ok: true, noteId: r.id };
    const e = r?.errors[0];
    return {
      recordId: n.recordId,
      ok: false,
      message: `Salesforce ${e?.statusCode ?? 'error'}: ${e?.message ?? 'no result'}`.slice(0, 1000),
    };
  });
}
