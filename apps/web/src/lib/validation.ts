// Client-side checks mirror the contracts (packages/contracts/src/auth.ts) so people see mistakes
// before a round trip; the server validates again and its message wins when they disagree.

export const PASSWORD_MIN_LENGTH = 10;

const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function checkEmail(value: string): string | null {
  if (!value.trim()) return 'Enter an email address.';
  return EMAIL_PATTERN.test(value.trim()) ? null : 'Enter a valid email address, like name@company.com.';
}

export function checkNewPassword(value: string): string | null {
  if (!value) return 'Choose a password.';
  return value.length < PASSWORD_MIN_LENGTH ? `Use at least ${PASSWORD_MIN_LENGTH} characters.` : null;
}

export function checkRequired(value: string, message: string, minLength = 1): string | null {
  return value.trim().length < minLength ? message : null;
}

export type FieldErrors<K extends string> = Partial<Record<K, string>>;

/** Keeps only the fields that failed. */
export function collectErrors<K extends string>(checks: Record<K, string | null>): FieldErrors<K> {
  const errors: FieldErrors<K> = {};
  for (const key of Object.keys(checks) as K[]) {
    const message = checks[key];
    if (message) errors[key] = message;
  }
  return errors;
}

/** Moves focus to the first invalid field so keyboard and screen-reader users land on the problem. */
export function focusFirstInvalid(form: HTMLFormElement | null): void {
  form?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
}
