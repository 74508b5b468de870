import { PDFDocument } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { embedPdfFonts, type PdfFonts } from '@/lib/pdf/pdf-fonts';

let fonts: PdfFonts;

beforeAll(async () => {
  fonts = await embedPdfFonts(await PDFDocument.create());
});

describe('printable', () => {
  it.each([
    ['Łódź Sp. z o.o.', 'Łódź Sp. z o.o.'],
    ['Ёлка ООО', 'Ёлка ООО'],
    ['Αθήνα ΑΕ', 'Αθήνα ΑΕ'],
    ['Müller & Søn — 50 € / 100 ¥', 'Müller & Søn — 50 € / 100 ¥'],
    ['Tokyo 東京', 'Tokyo ??'],
    ['Smile 🙂 Ltd', 'Smile ? Ltd'],
    ['Family 👨‍👩‍👧', 'Family ???'],
    ['Heart ❤️', 'Heart ❤'],
    ['Two\r\nlines\tand tab', 'Two lines and tab'],
    ['  padded  ', 'padded'],
    ['bell\u0007 zero\u200bwidth soft\u00adhyphen', 'bell zerowidth softhyphen'],
    // Decomposed "ó" (o + combining acute) prints as the single precomposed letter.
    ['Lo\u0301dz', 'Lódz'],
    ['lone \ud800 surrogate', 'lone ? surrogate'],
  ])('%j -> %j', (input, expected) => {
    expect(fonts.printable(input)).toBe(expected);
  });
});

describe('width', () => {
  it('agrees with pdf-lib for the text it draws', () => {
    for (const text of ['Balance due', '$1,234,567.89', 'Łódź Sp. z o.o.', 'Αθήνα ΑΕ', 'office fifty']) {
      expect(fonts.regular.width(text, 9)).toBeCloseTo(fonts.regular.font.widthOfTextAtSize(text, 9), 6);
      expect(fonts.bold.width(text, 11)).toBeCloseTo(fonts.bold.font.widthOfTextAtSize(text, 11), 6);
    }
  });
});
