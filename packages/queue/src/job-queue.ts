import type { JobHandlers, JobName, JobPayload } from './catalogue.ts';

export type DispatchOptions = {
  /** Derived from the entity id, so the same work dispatched twice runs once while pending. */
  jobId: string;
  delayMs?: number;
};

export type JobEvent =
  | { type: 'completed'; name: JobName; jobId: string; attempt: number }
  | { type: 'failed'; name: JobName; jobId: string; attempt: number; final: boolean; error: string };

export interface JobQueue {
  readonly kind: 'embedded' | 'bullmq';
  dispatch<N extends JobName>(name: N, payload: JobPayload<N>, opts: DispatchOptions): Promise<void>;
  /** Starts consuming every queue with these handlers (worker role). */
  work(handlers: JobHandlers, onEvent?: (e: JobEvent) => void): Promise<void>;
  ping(): Promise<void>;
  close(): Promise<void>;
}
