/** quantity × unit price in minor units, rounded half up, exactly: quantity is a decimal string with up to 3 decimals. */
export function lineTotal(quantity: string, unitMinor: number): number {
  const [whole, frac = ''] = quantity.split('.');
  const milli = BigInt(whole!) * 1000n + BigInt(frac.padEnd(3, '0'));
  return Number((milli * BigInt(unitMinor) + 500n) / 1000n);
}
