export { createBullmqQueue } from './bullmq-queue.ts';
export * from './catalogue.ts';
export { createEmbeddedQueue } from './embedded-queue.ts';
export * from './errors.ts';
export * from './event-bus.ts';
export type {
  DispatchOptions,
  FinalFailureEvent,
  JobEvent,
  JobQueue,
  QueueCounts,
  QueueStats,
  WorkOptions,
} from './job-queue.ts';
export * from './rate-limit.ts';
export * from './window-counter.ts';
