import { describe, expect, it } from 'vitest';
import { cutReason, FAILURE_REASON_MAX } from '@/lib/statements/generate-statements';

// The reason shown on the result screen and stored in statement_batches.failures for a customer that failed.

describe('cutReason', () => {
  it('keeps at most 180 characters', () => {
    expect(FAILURE_REASON_MAX).toBe(180);
  });

  it('leaves a short reason untouched', () => {
    expect(cutReason('Customer is on hold.')).toBe('Customer is on hold.');
  });

  it('leaves exactly 180 characters untouched', () => {
    const text = 'a'.repeat(180);
    expect(cutReason(text)).toBe(text);
  });

  it('cuts 181 characters to 179 and an ellipsis: 180 in all', () => {
    const cut = cutReason(`${'b'.repeat(179)}XY`);
    expect(cut).toBe(`${'b'.repeat(179)}…`);
    expect(cut).toHaveLength(180);
  });

  it('cuts a 300-character reason to 180 ending with …', () => {
    const text = Array.from({ length: 30 }, (_, i) => `word${String(i).padStart(6, '0')}`).join('');
    expect(text).toHaveLength(300);
    const cut = cutReason(text);
    expect(cut).toBe(`${text.slice(0, 179)}…`);
    expect(cut).toHaveLength(180);
  });

  it('collapses whitespace and line breaks (no stack layout) and trims', () => {
    expect(cutReason('  insert failed:\n\n   relation\t"x"\r\n  is locked  ')).toBe('insert failed: relation "x" is locked');
  });

  it('collapses before measuring: 199 characters with runs of spaces that fit once collapsed stay whole', () => {
    const text = `${'c'.repeat(90)}${' '.repeat(20)}${'d'.repeat(89)}`;
    expect(cutReason(text)).toBe(`${'c'.repeat(90)} ${'d'.repeat(89)}`);
  });

  it('an empty or blank message becomes "Unknown error."', () => {
    expect(cutReason('')).toBe('Unknown error.');
    expect(cutReason(' \n\t ')).toBe('Unknown error.');
  });

  // The reason is stored in a jsonb column: PostgreSQL rejects JSON with a lone surrogate ("Unicode low
  // surrogate must follow a high surrogate"), so a cut must never split a character made of two UTF-16 units.
  it('never splits an emoji (a surrogate pair) at the cut', () => {
    const text = `${'e'.repeat(178)}😀${'f'.repeat(20)}`;
    const cut = cutReason(text);
    expect(cut).not.toMatch(/\p{Cs}/u);
    expect(cut.length).toBeLessThanOrEqual(180);
    expect(cut.endsWith('…')).toBe(true);
  });
});
