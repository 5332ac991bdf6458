import { isApiError } from './api-client';

/** Maps a 422's `details` onto form fields (paths like `email` or `body.email`). */
export function serverFieldErrors<F extends string>(error: unknown, fields: readonly F[]): Partial<Record<F, string>> {
  const result: Partial<Record<F, string>> = {};
  if (!isApiError(error) || error.status !== 422) return result;
  for (const issue of error.validationIssues) {
    const name = issue.path.replace(/^body[./]/, '') as F;
    if (fields.includes(name) && result[name] === undefined) result[name] = issue.message;
  }
  return result;
}

/** True when every problem of the error is shown next to a field. */
export function allOnFields(error: unknown, fields: readonly string[]): boolean {
  if (!isApiError(error) || error.status !== 422) return false;
  const issues = error.validationIssues;
  return issues.length > 0 && issues.every((i) => fields.includes(i.path.replace(/^body[./]/, '')));
}

/** `errors` without `field` (clears a message once the user edits the field). */
export function withoutField<F extends string>(errors: Partial<Record<F, string>>, field: F): Partial<Record<F, string>> {
  const next = { ...errors };
  delete next[field];
  return next;
}
