import type { Prng } from './prng';

export interface DemoLine {
  position: number;
  description: string;
  quantity: string;
  unitPriceMinor: number;
  lineTotalMinor: number;
}

const EQUIPMENT: [string, number][] = [
  ['Door/window contact', 2_900],
  ['Motion sensor', 6_500],
  ['Glass-break detector', 8_900],
  ['Smoke detector', 7_400],
  ['Keypad', 14_900],
  ['Indoor camera', 19_900],
  ['Outdoor camera', 34_900],
  ['Control panel', 59_900],
];
const MONITORING = ['Monthly alarm monitoring', 'Monthly video monitoring', 'Monthly monitoring and service plan'];
const SERVICE = ['Installation and programming', 'Service call and labor', 'System upgrade and configuration'];

/**
 * Line items that add up to the invoice amount exactly: a recurring fee is one monitoring line; anything else
 * is some equipment at list prices and a labor line that takes the rest.
 */
export function makeDemoLines(rng: Prng, amountMinor: number, recurring: boolean): DemoLine[] {
  if (recurring || amountMinor < 5_000) {
    return [{ position: 1, description: rng.pick(MONITORING), quantity: '1', unitPriceMinor: amountMinor, lineTotalMinor: amountMinor }];
  }
  const lines: DemoLine[] = [];
  let left = amountMinor;
  for (let i = rng.int(0, 3); i > 0; i--) {
    const [description, price] = rng.pick(EQUIPMENT);
    const quantity = Math.min(rng.int(1, 6), Math.floor((left * 0.6) / price));
    if (quantity < 1) break;
    lines.push({ position: lines.length + 1, description, quantity: String(quantity), unitPriceMinor: price, lineTotalMinor: quantity * price });
    left -= quantity * price;
  }
  lines.push({ position: lines.length + 1, description: rng.pick(SERVICE), quantity: '1', unitPriceMinor: left, lineTotalMinor: left });
  return lines;
}
