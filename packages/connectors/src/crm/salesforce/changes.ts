/**
 * The periodic pull: Leads with LastModifiedDate at or after `since`, oldest first, by SOQL. SOQL
 * datetimes have no milliseconds, so `since` is rounded down to the second; a change at the
 * boundary may come twice, never not at all. One page (2,000) per poll; poll again from the last.
 */
import { ConnectorError } from '../../errors.ts';
import { KEY_FIELD } from '../shared/key-field.ts';
import type { CrmRecordChange } from '../types.ts';
import type { SfConnection } from './connection.ts';

const PAGE = 2000;

type LeadRow = Record<string, unknown> & { Id: string; LastModifiedDate: string };

const soql = (since: Date, withKey: boolean) =>
  `SELECT Id, OwnerId, Status, Email, ${withKey ? `${KEY_FIELD.salesforce}, ` : ''}LastModifiedDate FROM Lead ` +
  `WHERE LastModifiedDate >= ${since.toISOString().replace(/\.\d{3}Z$/, 'Z')} ORDER BY LastModifiedDate ASC LIMIT ${PAGE}`;

/** `2026-08-01T10:30:00.000+0000` → a Date (the offset has no colon, which Date.parse may not take). */
const sfDate = (value: string) => new Date(value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));

export async function leadChangesSince(conn: SfConnection, since: Date): Promise<CrmRecordChange[]> {
  let rows: LeadRow[];
  try {
    rows = (await conn.query<LeadRow>(soql(since, true))).records;
  } catch (err) {
    // No ReplyForce lead was ever written here, so the key field does not exist yet.
    if (!(err instanceof ConnectorError && err.platformCode === 'INVALID_FIELD')) throw err;
    rows = (await conn.query<LeadRow>(soql(since, false))).records;
  }
  const text = (v: unknown) => (typeof v === 'string' && v ? v : undefined);
  return rows.map((r) => {
    const key = text(r[KEY_FIELD.salesforce]);
    const email = text(r.Email);
    const owner = text(r.OwnerId);
    const status = text(r.Status);
    return {
      recordId: r.Id,
      ...(key ? { externalKey: key } : {}),
      ...(email ? { email } : {}),
      ...(owner ? { owner } : {}),
      ...(status ? { status } : {}),
      changedAt: sfDate(r.LastModifiedDate),
    };
  });
}
