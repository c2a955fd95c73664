// Run as its own process by evals/pipeline.ts: prints the milliseconds from process start until
// the local pipeline has loaded every model and analysed one message.
import { runPipeline } from '../pipeline/run-pipeline.ts';
import { defaultAutoReplyRules, defaultBrandVoice } from '../settings/schema.ts';

await runPipeline({
  businessName: 'Acme Coffee',
  platform: 'facebook',
  kind: 'dm',
  text: "Hi! What's the price of the Pro plan? I need it for my team today.",
  customerName: 'Jane',
  thread: [],
  unresolvedStreak: 0,
  lead: {
    inboundCount: 1,
    previousScore: null,
    previousTag: null,
    manualTag: null,
    previousAt: null,
    earlierTags: [],
  },
  voice: defaultBrandVoice(),
  rules: defaultAutoReplyRules(),
  templates: [],
  searchKnowledge: async () => [],
  now: new Date(),
});
process.stdout.write(`${performance.now()}\n`);
