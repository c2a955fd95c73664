import { ErrorBody } from '@replyforce/contracts';

/** Error answers documented on every route (the shape of ARCHITECTURE.md invariant 6). */
export const errorResponses = {
  400: ErrorBody,
  401: ErrorBody,
  403: ErrorBody,
  404: ErrorBody,
  409: ErrorBody,
  410: ErrorBody,
  413: ErrorBody,
  415: ErrorBody,
  429: ErrorBody,
  502: ErrorBody,
} as const;
