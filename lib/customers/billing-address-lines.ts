export interface BillingAddress {
  addressLine1: string | null;
  addressLine2: string | null;
  city: string | null;
  region: string | null;
  postalCode: string | null;
  country: string | null;
}

/** The printable lines of a billing address: street lines, then "City, Region Postal", then country. */
export function billingAddressLines(a: BillingAddress): string[] {
  const place = [[a.city, a.region].filter(Boolean).join(', '), a.postalCode].filter(Boolean).join(' ');
  return [a.addressLine1, a.addressLine2, place, a.country?.trim()].map((l) => l?.trim() ?? '').filter((l) => l !== '');
}
