// What core uses of the AI package; scripts, the CLI and tests import the stage files directly.
export { chunkDocument } from './knowledge/chunk.ts';
export { toTsQuery } from './knowledge/ts-query.ts';
export { type LeadHistory, tagOf } from './lead-score/score-lead.ts';
export { createLlmStages } from './pipeline/llm-stages.ts';
export { type AiAnalysis, runPipeline } from './pipeline/run-pipeline.ts';
export type { LlmStages, PipelineInput, StoredReply, ThreadLine } from './pipeline/types.ts';
export { createCircuitBreaker } from './providers/index.ts';
export type { KnowledgeHit } from './reply/local-reply.ts';
export { AutoReplyRules, BrandVoice } from './settings/schema.ts';
