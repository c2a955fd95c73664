/** How a queued mail leaves the platform. */
export type OutgoingMail = { id: string; to: string; subject: string; text: string };

export interface MailTransport {
  readonly name: string;
  send(mail: OutgoingMail): Promise<void>;
}

/**
 * Embedded default: mail stays in the database outbox, readable by admins on the dashboard's
 * Outbox page. Delivering is marking it delivered. SMTP arrives with the email channel.
 */
export function createLocalOutboxTransport(): MailTransport {
  return { name: 'local-outbox', async send() {} };
}
