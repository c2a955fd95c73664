import type { MessageDto } from '@replyforce/contracts';
import { describe, expect, it } from 'vitest';
import {
  awaitingAnalysis,
  escalationReasons,
  holdReason,
  pendingDrafts,
  selectedAnalysis,
  suggestedReply,
} from './thread-ai.ts';

const T0 = Date.parse('2026-11-23T12:00:00Z');
let seq = 0;

function message(overrides: Partial<MessageDto> & { at: number }): MessageDto {
  const { at, ...rest } = overrides;
  seq += 1;
  return {
    id: `00000000-0000-4000-8000-${String(seq).padStart(12, '0')}`,
    conversationId: '00000000-0000-4000-8000-aaaaaaaaaaaa',
    direction: 'inbound',
    sender: 'customer',
    authorUserId: null,
    kind: 'text',
    text: 'hello',
    attachments: [],
    context: {},
    platformMessageId: null,
    status: 'received',
    errorKind: null,
    errorMessage: null,
    aiAnalysis: null,
    createdAt: new Date(T0 + at * 1000).toISOString(),
    sentAt: null,
    deliveredAt: null,
    readAt: null,
    ...rest,
  };
}

function analysis(decision: string, reply: { text: string; source: string }, replyMessageId: string | null) {
  return {
    sentiment: { sentiment: 'negative', score: -0.6, urgency: 'medium', emotions: [] },
    lead_score: { intent: 'question', confidence: 0.7, score: 50, tag: 'WARM', signals: [] },
    reply: { ...reply, confidence: 0.9, requires_human: false },
    decision: {
      action: decision,
      reasons: decision === 'handoff' ? ['legal_or_compliance'] : ['negative message needs approval'],
      triggers: decision === 'handoff' ? ['legal_or_compliance'] : [],
    },
    replyMessageId,
  };
}

const outbound = (at: number, status: MessageDto['status'], text = 'answer') =>
  message({ at, direction: 'outbound', sender: 'ai', status, text });

describe('pendingDrafts and holdReason', () => {
  it('lists the AI drafts still waiting, and why each was held', () => {
    const draft = outbound(2, 'draft', 'Delivery is $4.50');
    const asked = message({
      at: 1,
      aiAnalysis: analysis('hold', { text: draft.text, source: 'faq' }, draft.id),
    });
    const rejected = outbound(0, 'rejected');
    const thread = [draft, asked, rejected];
    expect(pendingDrafts(thread).map((m) => m.id)).toEqual([draft.id]);
    expect(holdReason(thread, draft.id)).toBe('negative message needs approval');
    expect(holdReason(thread, rejected.id)).toBeNull();
  });
});

describe('selectedAnalysis', () => {
  it('shows the newest analysed customer message unless another was picked', () => {
    const first = message({ at: 1, aiAnalysis: analysis('send', { text: 'a', source: 'faq' }, null) });
    const second = message({ at: 5, aiAnalysis: analysis('hold', { text: 'b', source: 'faq' }, null) });
    const pending = message({ at: 9 });
    const thread = [first, second, pending];
    expect(selectedAnalysis(thread, null)?.message.id).toBe(second.id);
    expect(selectedAnalysis(thread, first)?.message.id).toBe(first.id);
    // A message from an older page, not among the newest, is shown from its own copy.
    const older = message({ at: -100, aiAnalysis: analysis('send', { text: 'c', source: 'faq' }, null) });
    expect(selectedAnalysis(thread, older)?.message.id).toBe(older.id);
    expect(selectedAnalysis([pending], null)).toBeNull();
  });

  it('says the AI is still at work only for a recent message', () => {
    const fresh = message({ at: 0 });
    expect(awaitingAnalysis([fresh], T0 + 10_000)).toBe(true);
    expect(awaitingAnalysis([fresh], T0 + 10 * 60_000)).toBe(false);
    expect(awaitingAnalysis([], T0)).toBe(false);
  });
});

describe('suggestedReply', () => {
  it('offers the answer the AI wrote but did not send', () => {
    const asked = message({
      at: 1,
      aiAnalysis: { ...analysis('none', { text: 'Oat milk is free.', source: 'faq' }, null) },
    });
    expect(suggestedReply([asked])).toEqual({
      text: 'Oat milk is free.',
      confidence: 0.9,
      forMessageId: asked.id,
    });
  });

  it('offers nothing once answered, for a holding message, for a draft, or before the analysis', () => {
    const asked = message({
      at: 1,
      aiAnalysis: analysis('none', { text: 'Oat milk is free.', source: 'faq' }, null),
    });
    expect(suggestedReply([asked, outbound(2, 'delivered')])).toBeNull();
    // A failed or rejected answer leaves the question open.
    expect(suggestedReply([asked, outbound(2, 'failed')])?.text).toBe('Oat milk is free.');
    const handedOff = message({
      at: 1,
      aiAnalysis: analysis('handoff', { text: 'A person will reply', source: 'holding' }, null),
    });
    expect(suggestedReply([handedOff])).toBeNull();
    const drafted = message({
      at: 1,
      aiAnalysis: analysis('hold', { text: 'x', source: 'faq' }, 'draft-id'),
    });
    expect(suggestedReply([drafted])).toBeNull();
    expect(suggestedReply([message({ at: 1 })])).toBeNull();
    expect(suggestedReply([])).toBeNull();
  });
});

describe('escalationReasons', () => {
  it('finds the hand-off behind the newest messages the AI kept quiet on', () => {
    const threat = message({
      at: 1,
      aiAnalysis: analysis('handoff', { text: 'hold on', source: 'holding' }, 'h'),
    });
    const later = message({ at: 5, aiAnalysis: analysis('none', { text: 'x', source: 'faq' }, null) });
    expect(escalationReasons([threat, later])).toMatchObject({ triggers: ['legal_or_compliance'] });
    expect(escalationReasons([later])).toBeNull();
  });
});
