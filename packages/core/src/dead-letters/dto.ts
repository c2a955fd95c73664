import type { DeadLetterDto } from '@replyforce/contracts';
import type { DeadLetterRow } from '@replyforce/db';
import type { z } from 'zod';

export function toDeadLetterDto(r: DeadLetterRow): z.infer<typeof DeadLetterDto> {
  return {
    id: r.id,
    queue: r.queue,
    jobName: r.jobName,
    payload: r.payload,
    error: r.error,
    attempts: r.attempts,
    failedAt: r.failedAt.toISOString(),
  };
}
