import type { FastifyReply } from 'fastify';
import { fbtraceId } from '../ids.ts';

/** A Graph API error: `{"error":{"message","type","code","error_subcode"?,"fbtrace_id"}}`, HTTP 400 unless told. */
export class GraphError extends Error {
  readonly code: number;
  readonly subcode: number | undefined;
  readonly type: string;
  readonly status: number;
  readonly errorData: Record<string, unknown> | undefined;

  constructor(
    code: number,
    message: string,
    opts: { subcode?: number; type?: string; status?: number; errorData?: Record<string, unknown> } = {},
  ) {
    super(message);
    this.code = code;
    this.subcode = opts.subcode;
    this.type = opts.type ?? 'OAuthException';
    this.status = opts.status ?? 400;
    this.errorData = opts.errorData;
  }
}

export function sendGraphError(reply: FastifyReply, err: GraphError): FastifyReply {
  return reply.status(err.status).send({
    error: {
      message: err.message,
      type: err.type,
      code: err.code,
      ...(err.errorData ? { error_data: err.errorData } : {}),
      ...(err.subcode !== undefined ? { error_subcode: err.subcode } : {}),
      fbtrace_id: fbtraceId(),
    },
  });
}

export const graphError = {
  noToken: () => new GraphError(104, 'An access token is required to request this resource.'),
  invalidToken: () => new GraphError(190, 'Invalid OAuth access token - Cannot parse access token'),
  expiredToken: () =>
    new GraphError(190, 'Error validating access token: Session has expired.', { subcode: 463 }),
  revokedToken: (appId: string) =>
    new GraphError(190, `Error validating access token: The user has not authorized application ${appId}.`, {
      subcode: 458,
    }),
  /** What Graph answers for an object that does not exist or the token may not see. */
  unknownObject: (id: string, method: string) =>
    new GraphError(
      100,
      `Unsupported ${method.toLowerCase()} request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation. Please read the Graph API documentation at https://developers.facebook.com/docs/graph-api`,
      { subcode: 33, type: 'GraphMethodException' },
    ),
  param: (message: string) => new GraphError(100, `(#100) ${message}`),
  permission: () =>
    new GraphError(10, '(#10) Application does not have permission for this action', { status: 403 }),
  rateLimited: () => new GraphError(613, '(#613) Calls to this api have exceeded the rate limit.'),
  unavailable: () =>
    new GraphError(2, 'An unexpected error has occurred. Please retry your request later.', { status: 503 }),
  timeout: () =>
    new GraphError(2, 'The request timed out. Please retry your request later.', { status: 504 }),
};
