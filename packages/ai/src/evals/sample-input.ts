import { freshLead } from '../lead-score/score-lead.ts';
import type { PipelineInput } from '../pipeline/types.ts';
import type { KnowledgeHit } from '../reply/local-reply.ts';
import { defaultAutoReplyRules, defaultBrandVoice } from '../settings/schema.ts';

/** A first DM to a coffee shop with default settings: what the latency figures run on. */
export function sampleInput(
  text: string,
  searchKnowledge: (q: string) => Promise<KnowledgeHit[]> = async () => [],
): PipelineInput {
  return {
    businessName: 'Acme Coffee',
    platform: 'facebook',
    kind: 'dm',
    text,
    customerName: 'Jane Doe',
    thread: [],
    unresolvedStreak: 0,
    lead: freshLead(),
    voice: defaultBrandVoice(),
    rules: defaultAutoReplyRules(),
    templates: [],
    searchKnowledge,
    now: new Date(),
  };
}
