/** Conversation notes on the person (v1 notes; HTML content). One per call, like persons. */
import { ConnectorError } from '../../errors.ts';
import { assertBatch } from '../shared/batch.ts';
import { asHtml, escapeHtml } from '../shared/text.ts';
import type { CrmNoteInput, CrmNoteResult } from '../types.ts';
import type { PipedriveClient } from './client.ts';
import { PIPEDRIVE_BATCH } from './upsert.ts';

/** Pipedrive's `YYYY-MM-DD HH:MM:SS`, in UTC. */
const pipedriveTime = (d: Date) => d.toISOString().replace('T', ' ').slice(0, 19);

export async function addPersonNotes(
  client: PipedriveClient,
  notes: CrmNoteInput[],
): Promise<CrmNoteResult[]> {
  assertBatch('pipedrive', notes.length, PIPEDRIVE_BATCH, 'notes');
  const n = notes[0];
  if (!n) return [];
  if (!/^\d+$/.test(n.recordId))
    return [{ recordId: n.recordId, ok: false, message: 'Pipedrive person ids are numeric' }];
  try {
    const answer = (await client.notes.addNote({
      AddNoteRequest: {
        content: `<b>${escapeHtml(n.title)}</b><br>${asHtml(n.body)}`,
        person_id: Number(n.recordId),
        add_time: pipedriveTime(n.at),
      },
    })) as unknown as { data?: { id?: number } };
    const id = answer.data?.id;
    return [
      id === undefined
        ? { recordId: n.recordId, ok: false, message: 'Pipedrive: the note has no id' }
        : { recordId: n.recordId, ok: true, noteId: String(id) },
    ];
  } catch (err) {
    if (err instanceof ConnectorError && (err.kind === 'permanent' || err.kind === 'not_found'))
      return [{ recordId: n.recordId, ok: false, message: err.message }];
    throw err;
  }
}
