import type { FastifyReply } from 'fastify';

/** A vendor's error answer: status, the vendor's own body shape, and headers such as Retry-After. */
export class CrmHttpError extends Error {
  readonly status: number;
  readonly body: unknown;
  readonly headers: Record<string, string>;

  constructor(status: number, body: unknown, headers: Record<string, string> = {}) {
    super(`CRM sandbox answered ${status}`);
    this.status = status;
    this.body = body;
    this.headers = headers;
  }
}

export function sendCrmError(reply: FastifyReply, err: CrmHttpError): FastifyReply {
  return reply.status(err.status).headers(err.headers).send(err.body);
}
