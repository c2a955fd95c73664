export { createBullmqQueue } from './bullmq-queue.ts';
export * from './catalogue.ts';
export { createEmbeddedQueue } from './embedded-queue.ts';
export type { DispatchOptions, JobEvent, JobQueue } from './job-queue.ts';
export * from './window-counter.ts';
