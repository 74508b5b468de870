'use client';
import { FormField, fieldClass } from './form-field';

/**
 * The Location of money on account, asked only when the customer has no default location: unapplied money
 * belongs to the customer's default location, which this choice sets.
 */
export function MoneyLocationField({
  id,
  locations,
  value,
  onChange,
  error,
}: {
  id: string;
  locations: { id: string; name: string }[];
  value: string;
  onChange: (e: React.ChangeEvent<HTMLSelectElement>) => void;
  error?: string;
}) {
  return (
    <FormField
      id={id}
      label="Location"
      hint="The customer has no default location: this money, and the customer, will belong to this one."
      error={error}
    >
      {(p) => (
        <select {...p} required value={value} onChange={onChange} className={`${fieldClass} max-w-64`}>
          <option value="">Choose a location</option>
          {locations.map((l) => (
            <option key={l.id} value={l.id}>
              {l.name}
            </option>
          ))}
        </select>
      )}
    </FormField>
  );
}
