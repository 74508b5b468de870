/** The aging colors, youngest to oldest (Tailwind's slate-300 .. red-600); the oldest bucket is always red-700. */
const PALETTE = [
  { cls: 'bg-slate-300', hex: '#cbd5e1' },
  { cls: 'bg-emerald-400', hex: '#34d399' },
  { cls: 'bg-amber-300', hex: '#fcd34d' },
  { cls: 'bg-orange-400', hex: '#fb923c' },
  { cls: 'bg-orange-600', hex: '#ea580c' },
  { cls: 'bg-red-600', hex: '#dc2626' },
];
const OLDEST = { cls: 'bg-red-700', hex: '#b91c1c' };

/** The color of bucket `index` of a scheme of `count` buckets: the ones before the oldest step from gray and green to orange. */
export function bucketColor(index: number, count: number): { cls: string; hex: string } {
  if (index === count - 1) return OLDEST;
  return PALETTE[Math.min(index, PALETTE.length - 2)] ?? PALETTE[0]!;
}
