import type { MessageDto } from '@replyforce/contracts';
import { type AnalysisView, readAnalysis, reasonLabel } from './analysis.ts';

export interface AnalysedMessage {
  message: MessageDto;
  analysis: AnalysisView;
}

function byTime(a: MessageDto, b: MessageDto): number {
  return a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0;
}

/** The AI's drafts waiting for a person to approve or reject them, oldest first. */
export function pendingDrafts(messages: readonly MessageDto[]): MessageDto[] {
  return messages.filter((m) => m.direction === 'outbound' && m.status === 'draft').sort(byTime);
}

/** Customer messages that carry an analysis, newest first. */
export function analysedMessages(messages: readonly MessageDto[]): AnalysedMessage[] {
  const out: AnalysedMessage[] = [];
  for (const message of [...messages].sort(byTime).reverse()) {
    if (message.sender !== 'customer') continue;
    const analysis = readAnalysis(message.aiAnalysis);
    if (analysis) out.push({ message, analysis });
  }
  return out;
}

/**
 * The message whose analysis the panel shows: the one picked (its fresh copy when it is among the
 * newest messages; an older page's copy otherwise), else the newest analysed one.
 */
export function selectedAnalysis(
  messages: readonly MessageDto[],
  picked: MessageDto | null,
): AnalysedMessage | null {
  const all = analysedMessages(messages);
  if (picked) {
    const fresh = all.find((a) => a.message.id === picked.id);
    if (fresh) return fresh;
    const analysis = picked.sender === 'customer' ? readAnalysis(picked.aiAnalysis) : null;
    if (analysis) return { message: picked, analysis };
  }
  return all[0] ?? null;
}

/** Past this, a message without an analysis is not "being analysed" any more (the AI step failed). */
const ANALYSIS_PATIENCE_MS = 5 * 60_000;

/** The newest customer message is recent and has no analysis yet: the AI step is queued or running. */
export function awaitingAnalysis(messages: readonly MessageDto[], now: number): boolean {
  const lastCustomer = [...messages].sort(byTime).findLast((m) => m.sender === 'customer');
  return (
    lastCustomer !== undefined &&
    lastCustomer.aiAnalysis == null &&
    now - Date.parse(lastCustomer.createdAt) < ANALYSIS_PATIENCE_MS
  );
}

/** Why the rules held a draft back, from the analysis of the message it answers. */
export function holdReason(messages: readonly MessageDto[], draftId: string): string | null {
  for (const { analysis } of analysedMessages(messages)) {
    if (analysis.replyMessageId === draftId && analysis.decision) {
      return analysis.decision.reasons.map(reasonLabel).join(', ') || null;
    }
  }
  return null;
}

/** Reply sources that are not an answer to the question (a hand-off's holding message). */
const NOT_AN_ANSWER = new Set(['holding', 'none']);

/**
 * The AI's answer to the customer's newest message that nobody has sent: the pipeline analyses
 * and drafts even while a person has the conversation or the 24-hour window is closed, and then
 * sends nothing. Null when the newest customer message is answered, has no analysis yet, became a
 * draft (the approval card shows it), or the AI only had a holding message.
 */
export function suggestedReply(
  messages: readonly MessageDto[],
): { text: string; confidence: number; forMessageId: string } | null {
  const sorted = [...messages].sort(byTime);
  const lastCustomer = sorted.findLast((m) => m.sender === 'customer');
  if (!lastCustomer) return null;
  const answered = sorted.some(
    (m) =>
      m.direction === 'outbound' &&
      m.createdAt >= lastCustomer.createdAt &&
      m.status !== 'rejected' &&
      m.status !== 'failed' &&
      m.status !== 'blocked',
  );
  if (answered) return null;
  const analysis = readAnalysis(lastCustomer.aiAnalysis);
  if (!analysis?.reply || analysis.replyMessageId) return null;
  const { reply } = analysis;
  if (!reply.text.trim() || NOT_AN_ANSWER.has(reply.source)) return null;
  return { text: reply.text, confidence: reply.confidence, forMessageId: lastCustomer.id };
}

/** Why the conversation was handed to a person: the newest hand-off decision in the thread. */
export function escalationReasons(
  messages: readonly MessageDto[],
): { triggers: string[]; reasons: string[]; at: string } | null {
  for (const { message, analysis } of analysedMessages(messages)) {
    if (analysis.decision?.action === 'handoff') {
      return {
        triggers: analysis.decision.triggers,
        reasons: analysis.decision.reasons,
        at: message.createdAt,
      };
    }
  }
  return null;
}
