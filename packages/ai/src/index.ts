export { type Decision, type DecisionAction, decide, type EscalationTrigger } from './decision/decide.ts';
export { INTENTS, LEAD_TAGS, type LeadTag } from './intent/schema.ts';
export { chunkDocument } from './knowledge/chunk.ts';
export { toTsQuery } from './knowledge/ts-query.ts';
export { type LeadHistory, scoreLead, tagOf } from './lead-score/score-lead.ts';
export { createLlmStages } from './pipeline/llm-stages.ts';
export { type AiAnalysis, holding, PIPELINE_VERSION, runPipeline } from './pipeline/run-pipeline.ts';
export type { LlmStages, LlmUsage, PipelineInput, StoredReply, ThreadLine } from './pipeline/types.ts';
export {
  type CircuitBreaker,
  createCircuitBreaker,
  type ProviderConfig,
  providerConfigSchema,
} from './providers/index.ts';
export type { KnowledgeHit, ReplyTemplate } from './reply/local-reply.ts';
export { fillTemplate } from './reply/local-reply.ts';
export {
  AutoReplyRules,
  BrandVoice,
  defaultAutoReplyRules,
  defaultBrandVoice,
} from './settings/schema.ts';
