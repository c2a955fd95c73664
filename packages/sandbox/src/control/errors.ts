import type { FastifyReply } from 'fastify';
import type { z } from 'zod';
import { prettifyError } from 'zod';

/** /control errors: `{"error":{"code","message"}}`, the same shape as ReplyForce's own API. */
export class ControlError extends Error {
  readonly status: number;
  readonly code: string;

  constructor(status: number, code: string, message: string) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

export function sendControlError(reply: FastifyReply, err: ControlError): FastifyReply {
  return reply.status(err.status).send({ error: { code: err.code, message: err.message } });
}

export function parseInput<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const result = schema.safeParse(value ?? {});
  if (!result.success) throw new ControlError(400, 'VALIDATION_FAILED', prettifyError(result.error));
  return result.data;
}

export const notFound = (message: string) => new ControlError(404, 'NOT_FOUND', message);
export const invalid = (message: string) => new ControlError(400, 'VALIDATION_FAILED', message);
