import type { FastifyReply } from 'fastify';

/** An X API v2 problem: `{"title","detail","type","status"}` as application/problem+json. */
export class XProblem extends Error {
  readonly status: number;
  readonly title: string;
  readonly type: string;
  readonly errors: { message: string }[] | undefined;

  constructor(
    status: number,
    title: string,
    detail: string,
    type = 'about:blank',
    errors?: { message: string }[],
  ) {
    super(detail);
    this.status = status;
    this.title = title;
    this.type = type;
    this.errors = errors;
  }
}

/** The OAuth 2 endpoints answer RFC 6749 errors instead: `{"error","error_description"}`. */
export class XOAuthError extends Error {
  readonly status: number;
  readonly error: string;

  constructor(status: number, error: string, description: string) {
    super(description);
    this.status = status;
    this.error = error;
  }
}

export function sendXProblem(reply: FastifyReply, p: XProblem): FastifyReply {
  return reply
    .status(p.status)
    .type('application/problem+json')
    .send({
      ...(p.errors ? { errors: p.errors } : {}),
      title: p.title,
      detail: p.message,
      type: p.type,
      status: p.status,
    });
}

export function sendXOAuthError(reply: FastifyReply, e: XOAuthError): FastifyReply {
  return reply.status(e.status).send({ error: e.error, error_description: e.message });
}

export const xProblem = {
  unauthorized: () => new XProblem(401, 'Unauthorized', 'Unauthorized'),
  forbidden: (detail: string) => new XProblem(403, 'Forbidden', detail),
  notFound: (detail: string) =>
    new XProblem(404, 'Not Found Error', detail, 'https://api.twitter.com/2/problems/resource-not-found'),
  invalid: (message: string) =>
    new XProblem(
      400,
      'Invalid Request',
      'One or more parameters to your request was invalid.',
      'https://api.twitter.com/2/problems/invalid-request',
      [{ message }],
    ),
  tooMany: () => new XProblem(429, 'Too Many Requests', 'Too Many Requests'),
  unavailable: () => new XProblem(503, 'Service Unavailable', 'Service Unavailable'),
  timeout: () => new XProblem(504, 'Gateway Timeout', 'The request timed out'),
};
