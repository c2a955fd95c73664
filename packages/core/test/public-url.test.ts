import { describe, expect, it } from 'vitest';
import { privateUrlProblem } from '../src/security/public-url.ts';

describe('URLs a tenant may configure', () => {
  it('refuses loopback, private networks, link-local metadata and odd schemes', async () => {
    for (const url of [
      'http://127.0.0.1:11434/v1',
      'http://localhost:8080',
      'http://10.1.2.3/v1',
      'http://172.20.0.5',
      'http://192.168.1.10:8000',
      'http://169.254.169.254/latest/meta-data',
      'http://[::1]:11434',
      'http://[::ffff:127.0.0.1]/',
      'http://0.0.0.0:80',
      'file:///etc/passwd',
      'not a url',
    ]) {
      expect(await privateUrlProblem(url), url).toBeDefined();
    }
  });

  it('accepts public addresses', async () => {
    expect(await privateUrlProblem('https://8.8.8.8/v1')).toBeUndefined();
    expect(await privateUrlProblem('http://[2606:4700:4700::1111]/v1')).toBeUndefined();
  });
});
