/**
 * ReplyForce's stable key on the CRM record (the contact id), what every upsert matches on so a
 * retried or concurrent sync updates the record instead of creating a second one.
 */
export const KEY_LABEL = 'ReplyForce Contact Id';
export const KEY_FIELD = {
  hubspot: 'replyforce_contact_id',
  salesforce: 'ReplyForce_Contact_Id__c',
  zoho: 'ReplyForce_Contact_Id',
} as const;

/** How many pages a change poll reads before returning what it has (oldest first; poll again from the last). */
export const MAX_CHANGE_PAGES = 10;

export const DEFAULT_TIMEOUT_MS = 30_000;
