/** The settings forms' text input: a red border when the field is invalid. */
export const inputClass =
  'mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm shadow-sm focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600/30 aria-[invalid=true]:border-red-500';

/**
 * A form's server-side field errors (an action's `fieldErrors`, keyed by path such as `periods.1.maxDays`):
 * `error(field)` is the message under the field, `invalid(field)` the props that mark the input invalid and
 * make the message its accessible description.
 */
export function fieldErrors(errors: Record<string, string>) {
  return {
    error: (field: string) =>
      errors[field] ? (
        <p id={`${field}-error`} className="mt-1 text-sm text-red-600">
          {errors[field]}
        </p>
      ) : null,
    invalid: (field: string) => ({ 'aria-invalid': Boolean(errors[field]), 'aria-describedby': errors[field] ? `${field}-error` : undefined }),
  };
}
