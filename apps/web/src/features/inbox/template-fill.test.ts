import { describe, expect, it } from 'vitest';
import { fillTemplate, placeholdersOf } from './template-fill.ts';

describe('WhatsApp template bodies', () => {
  it('lists each numbered placeholder once, in order', () => {
    expect(placeholdersOf('Hi {{2}}, your order {{1}} ({{ 2 }}) has an update.')).toEqual([1, 2]);
    expect(placeholdersOf('No placeholders')).toEqual([]);
  });

  it('fills what is given and leaves the rest visible', () => {
    expect(fillTemplate('Hi {{1}}, your order {{2}} has an update.', { 1: ' Omar ' })).toBe(
      'Hi Omar, your order {{2}} has an update.',
    );
  });
});
