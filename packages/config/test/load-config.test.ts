import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/index.ts';

const MASTER_KEY = Buffer.alloc(32, 7).toString('base64');
const SECRET = 'a-jwt-secret-that-is-long-enough-0123456789';

function configError(env: Record<string, string | undefined>): ConfigError {
  try {
    loadConfig(env);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return err as ConfigError;
  }
  throw new Error(`expected loadConfig(${JSON.stringify(env)}) to throw a ConfigError`);
}

describe('loadConfig', () => {
  it('runs on embedded defaults with an empty environment', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.host).toBe('0.0.0.0');
    expect(config.embedded).toBe(true);
    expect(config.database.url).toBeUndefined();
    expect(config.redisUrl).toBeUndefined();
    expect(config.dataDir).toBe(resolve('./.replyforce'));
    expect(config.dataDir.startsWith('/')).toBe(true);
    expect(config.seedDemo).toBe(true);
    expect(config.publicUrl).toBe('http://localhost:3000');
    expect(config.auth.cookieSecure).toBe(false);
    expect(config.auth.jwtSecret).toBeUndefined();
    expect(config.logLevel).toBe('info');
  });

  it.each([
    ['PORT', 'abc', /whole number from 0 to 65535/],
    ['PORT', '70000', /whole number from 0 to 65535/],
    ['DATABASE_URL', 'mysql://x', /postgres:\/\/ connection URL/],
    ['LOG_LEVEL', 'loud', /info/],
    ['BODY_LIMIT_BYTES', '5', /whole number from 1024/],
    ['REDIS_URL', 'http://localhost:6379', /redis:\/\/ URL/],
    ['PUBLIC_URL', 'inbox.example.com', /http\(s\) URL/],
    ['TRUST_PROXY', 'maybe', /true or false/],
  ])('refuses %s=%s naming the variable and what it expects', (name, value, expects) => {
    const err = configError({ [name]: value, JWT_SECRET: SECRET });
    expect(err.message).toContain(name);
    expect(err.message).toMatch(expects);
    const problem = err.problems.find((p) => p.startsWith(`${name}:`));
    expect(problem).toBeDefined();
    expect(problem).toMatch(expects);
  });

  it('reports every bad variable at once', () => {
    const err = configError({ PORT: 'abc', LOG_LEVEL: 'loud' });
    expect(err.problems.map((p) => p.split(':')[0]).sort()).toEqual(['LOG_LEVEL', 'PORT']);
  });

  it('refuses DATABASE_URL without JWT_SECRET, naming JWT_SECRET', () => {
    const err = configError({ DATABASE_URL: 'postgres://u@db:5432/rf' });
    expect(err.message).toContain('JWT_SECRET');
    expect(err.message).toMatch(/at least 32 characters/);
    expect(err.message).toMatch(/DATABASE_URL/);
  });

  it('refuses DATABASE_URL without MASTER_KEY, and a MASTER_KEY that is not 32 bytes', () => {
    expect(configError({ DATABASE_URL: 'postgres://u@db:5432/rf', JWT_SECRET: SECRET }).message).toMatch(
      /MASTER_KEY: expected base64 of exactly 32 random bytes/,
    );
    expect(configError({ MASTER_KEY: Buffer.alloc(16).toString('base64') }).problems[0]).toMatch(
      /^MASTER_KEY:/,
    );
  });

  it('points the channels at the in-process sandbox in embedded mode and at the real platforms otherwise', () => {
    const embedded = loadConfig({ PUBLIC_URL: 'http://localhost:3000' });
    expect(embedded.sandbox).toBe(true);
    expect(embedded.channels.graphUrl).toBe('http://localhost:3000/sandbox/meta/graph');
    expect(embedded.channels.xApiUrl).toBe('http://localhost:3000/sandbox/x/api');
    const real = loadConfig({ DATABASE_URL: 'postgres://u@db:5432/rf', JWT_SECRET: SECRET, MASTER_KEY });
    expect(real.sandbox).toBe(false);
    expect(real.channels.graphUrl).toBe('https://graph.facebook.com');
    expect(real.channels.xWebUrl).toBe('https://x.com');
  });

  it('refuses the demo platform secrets in production without the sandbox', () => {
    const err = configError({ NODE_ENV: 'production', JWT_SECRET: SECRET, SANDBOX: 'false' });
    expect(err.problems.map((p) => p.split(':')[0])).toEqual(
      expect.arrayContaining(['META_APP_SECRET', 'META_VERIFY_TOKEN', 'X_CONSUMER_SECRET']),
    );
  });

  it('accepts DATABASE_URL with a JWT_SECRET and leaves embedded mode', () => {
    const config = loadConfig({ DATABASE_URL: 'postgresql://u@db:5432/rf', JWT_SECRET: SECRET, MASTER_KEY });
    expect(config.embedded).toBe(false);
    expect(config.database.url).toBe('postgresql://u@db:5432/rf');
    expect(config.auth.jwtSecret).toBe(SECRET);
    // The demo workspace is an embedded-mode convenience only.
    expect(config.seedDemo).toBe(false);
  });

  it('refuses a short JWT_SECRET', () => {
    const err = configError({ JWT_SECRET: 'too-short' });
    expect(err.message).toContain('JWT_SECRET');
    expect(err.message).toMatch(/at least 32 characters/);
  });

  it('refuses production without a JWT_SECRET', () => {
    const err = configError({ NODE_ENV: 'production' });
    expect(err.message).toContain('JWT_SECRET');
    expect(err.message).toMatch(/production/);
  });

  it('treats empty strings as unset', () => {
    const config = loadConfig({
      PORT: '',
      DATABASE_URL: '',
      REDIS_URL: '',
      JWT_SECRET: '',
      LOG_LEVEL: '',
      PUBLIC_URL: '',
      SEED_DEMO: '',
    });
    expect(config.port).toBe(3000);
    expect(config.embedded).toBe(true);
    expect(config.redisUrl).toBeUndefined();
    expect(config.auth.jwtSecret).toBeUndefined();
    expect(config.logLevel).toBe('info');
    expect(config.publicUrl).toBe('http://localhost:3000');
    expect(config.seedDemo).toBe(true);
  });

  it('does not read a PORT of only spaces as port 0 (a random port)', () => {
    // `PORT=" "` is a typo, not a request for an ephemeral port nobody can find.
    let port: number | undefined;
    try {
      port = loadConfig({ PORT: ' ' }).port;
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      expect((err as ConfigError).message).toContain('PORT');
      return;
    }
    expect(port).toBe(3000);
  });

  it('removes trailing slashes from PUBLIC_URL', () => {
    expect(loadConfig({ PUBLIC_URL: 'https://inbox.example.com/' }).publicUrl).toBe(
      'https://inbox.example.com',
    );
    expect(loadConfig({ PUBLIC_URL: 'http://example.com/inbox//' }).publicUrl).toBe(
      'http://example.com/inbox',
    );
  });

  it('uses the configured PORT in the default PUBLIC_URL', () => {
    const config = loadConfig({ PORT: '8080' });
    expect(config.port).toBe(8080);
    expect(config.publicUrl).toBe('http://localhost:8080');
  });

  it('marks cookies secure when PUBLIC_URL is https, unless COOKIE_SECURE says otherwise', () => {
    expect(loadConfig({ PUBLIC_URL: 'https://inbox.example.com' }).auth.cookieSecure).toBe(true);
    expect(loadConfig({ PUBLIC_URL: 'http://inbox.example.com' }).auth.cookieSecure).toBe(false);
    expect(
      loadConfig({ PUBLIC_URL: 'https://inbox.example.com', COOKIE_SECURE: 'false' }).auth.cookieSecure,
    ).toBe(false);
    expect(
      loadConfig({ PUBLIC_URL: 'http://inbox.example.com', COOKIE_SECURE: 'true' }).auth.cookieSecure,
    ).toBe(true);
  });

  it('reads booleans written as true/false, 1/0 or yes/no', () => {
    expect(loadConfig({ SEED_DEMO: 'no' }).seedDemo).toBe(false);
    expect(loadConfig({ SEED_DEMO: '0' }).seedDemo).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'yes' }).http.trustProxy).toBe(true);
    expect(loadConfig({ TRUST_PROXY: '1' }).http.trustProxy).toBe(true);
  });

  it('resolves a relative DATA_DIR to an absolute path', () => {
    expect(loadConfig({ DATA_DIR: 'var/rf' }).dataDir).toBe(resolve('var/rf'));
  });
});
