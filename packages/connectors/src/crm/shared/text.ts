/** Notes arrive as plain text or simple HTML; some CRMs take HTML, others plain text only. */

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", nbsp: ' ' };

export function htmlToText(html: string): string {
  return html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|li|h[1-6])>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (_, e: string) => ENTITIES[e] ?? '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Plain text becomes HTML with line breaks kept; HTML passes through. */
export function asHtml(body: string): string {
  return /<[a-z][^>]*>/i.test(body) ? body : escapeHtml(body).replace(/\n/g, '<br>');
}

export const truncate = (text: string, max: number) =>
  text.length > max ? `${text.slice(0, max - 1)}…` : text;

/** What a contact without a name is filed as where the CRM demands one (Salesforce's own Web-to-Lead default). */
export const NOT_PROVIDED = '[not provided]';
export const ANONYMISED = '[anonymised]';
