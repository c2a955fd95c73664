// The detectors the guardrail stages (guardrail-in, guardrail-out) use.
export { detectInjection } from './detect-injection.ts';
export { detectProfanity } from './detect-profanity.ts';
export { detectSpam } from './detect-spam.ts';
export { findPii } from './find-pii.ts';
export { redactPii } from './redact-pii.ts';
