import { describe, expect, it } from 'vitest';
import { linkify } from './linkify.ts';

describe('linkify', () => {
  it('turns the invitation link of a mail into a link part, leaving the sentence around it', () => {
    const text = 'Accept the invitation: https://app.example.com/accept-invite?token=a.b-c_d%3D\n\nThanks.';
    expect(linkify(text)).toEqual([
      { kind: 'text', text: 'Accept the invitation: ', start: 0 },
      { kind: 'link', href: 'https://app.example.com/accept-invite?token=a.b-c_d%3D', start: 23 },
      { kind: 'text', text: '\n\nThanks.', start: 77 },
    ]);
  });

  it('keeps sentence punctuation out of the link', () => {
    expect(linkify('See http://x.test/a.').map((p) => (p.kind === 'link' ? p.href : p.text))).toEqual([
      'See ',
      'http://x.test/a',
      '.',
    ]);
  });

  it('links only http(s) URLs', () => {
    expect(linkify('javascript:alert(1) and ftp://x.test')).toEqual([
      { kind: 'text', text: 'javascript:alert(1) and ftp://x.test', start: 0 },
    ]);
  });
});
