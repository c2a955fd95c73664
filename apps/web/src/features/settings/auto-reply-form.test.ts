import { describe, expect, it } from 'vitest';
import { checkRulesForm, fromRulesForm, toRulesForm } from './auto-reply-form.ts';

const defaults = {
  enabled: true,
  minConfidence: 0.6,
  negative: 'approve',
  comments: 'auto',
  hotThreshold: 70,
  warmThreshold: 40,
  unresolvedLimit: 3,
  holdingMessage: '',
} as const;

describe('auto-reply rules form', () => {
  it('shows confidence in percent and sends it back as a fraction', () => {
    const form = toRulesForm({ ...defaults, minConfidence: 0.55 });
    expect(form.minConfidence).toBe('55');
    expect(fromRulesForm(form)).toEqual({ ...defaults, minConfidence: 0.55 });
  });

  it('keeps WARM below HOT, as the server does', () => {
    const form = toRulesForm(defaults);
    expect(checkRulesForm(form)).toEqual({});
    expect(checkRulesForm({ ...form, warmThreshold: '70' }).warmThreshold).toBe(
      'The WARM threshold must be below the HOT one.',
    );
    expect(checkRulesForm({ ...form, hotThreshold: '0' })).toEqual({
      hotThreshold: 'Enter a score from 1 to 100.',
    });
  });

  it('refuses numbers out of range or not whole', () => {
    const form = toRulesForm(defaults);
    expect(checkRulesForm({ ...form, minConfidence: '101' }).minConfidence).toBeDefined();
    expect(checkRulesForm({ ...form, minConfidence: '0.6' }).minConfidence).toBeDefined();
    expect(checkRulesForm({ ...form, unresolvedLimit: '1' }).unresolvedLimit).toBeDefined();
    expect(checkRulesForm({ ...form, holdingMessage: 'x'.repeat(501) }).holdingMessage).toBeDefined();
  });
});
