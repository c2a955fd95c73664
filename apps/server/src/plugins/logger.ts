import type { FastifyServerOptions } from 'fastify';

// Invitation tokens travel in URLs; they must not reach the logs.
const scrubUrl = (url: string) =>
  url.replace(/(\/invitations\/)[^/?]{20,}/, '$1[redacted]').replace(/([?&]token=)[^&]+/, '$1[redacted]');

/** pino JSON logs with request ids; credentials and cookies are redacted wherever they appear. */
export function loggerOptions(level: string): FastifyServerOptions['logger'] {
  return {
    level,
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers.cookie',
        'res.headers["set-cookie"]',
        '*.password',
        '*.passwordHash',
        '*.token',
        '*.accessToken',
        '*.refreshToken',
        '*.jwtSecret',
      ],
      censor: '[redacted]',
    },
    serializers: {
      req: (req: { method: string; url: string; ip?: string; id?: string }) => ({
        method: req.method,
        url: scrubUrl(req.url),
        ip: req.ip,
      }),
    },
  };
}
