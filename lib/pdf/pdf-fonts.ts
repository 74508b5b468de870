import { readFile } from 'node:fs/promises';
import path from 'node:path';
import fontkit, { type Font } from '@pdf-lib/fontkit';
import { PDFHexString, type PDFDocument, type PDFFont } from 'pdf-lib';

/** One embedded face and a fast measure of text drawn in it. */
export interface PdfFace {
  font: PDFFont;
  /** Width in points of `text` at `size`; the same figure pdf-lib lays out, without running the shaper. */
  width(text: string, size: number): number;
  /** `font.encodeText(text)`: the glyph ids of the document's subset, looked up once per character. */
  encode(text: string): PDFHexString;
}

/** The two faces every document uses, embedded in one PDFDocument, and the filter all drawn text goes through. */
export interface PdfFonts {
  regular: PdfFace;
  bold: PdfFace;
  /**
   * One line of text that both faces can draw: whitespace of any kind becomes one space, invisible control and
   * format characters are dropped, and a character without a glyph becomes "?". A box (.notdef) or a silently
   * missing letter would misstate a customer's name; "?" at least shows that something is missing.
   */
  printable(text: string): string;
}

interface FontFile {
  bytes: Uint8Array;
  font: Font;
  /** Advance widths by code point, filled on first use: measuring is the hot path of every table cell. */
  advances: Map<number, number>;
}

interface FontFiles {
  regular: FontFile;
  bold: FontFile;
  /** Code points that have a glyph in both faces, so a string that passes works in either. */
  drawable: ReadonlySet<number>;
}

type PdfLibFontkit = Parameters<PDFDocument['registerFontkit']>[0];
type PdfLibFont = ReturnType<PdfLibFontkit['create']>;
type GlyphRun = ReturnType<PdfLibFont['layout']>;

/**
 * fontkit as handed to pdf-lib, with `layout` cut down to the font's character map. pdf-lib calls layout only to
 * turn text into glyphs (for glyph ids and widths) and ignores the positions, so OpenType shaping buys nothing for
 * NFC Latin, Cyrillic and Greek; yet it re-parsed the GSUB/GPOS tables for every PDF and cost about 100 µs per
 * string, most of the render time. One glyph per character is also what `PdfFace.width` assumes.
 */
const unshapedFontkit: PdfLibFontkit = {
  create(bytes, postscriptName) {
    const font: PdfLibFont = fontkit.create(bytes, postscriptName);
    // pdf-lib reads only `glyphs` from the run (CustomFontEmbedder.encodeText and widthOfTextAtSize).
    font.layout = (text: string) => ({ glyphs: font.glyphsForString(text) }) as GlyphRun;
    return font;
  },
};

let fontFiles: Promise<FontFiles> | undefined;

/** Reads and indexes the fonts once per process; a failed read is not cached, so the next render retries. */
function loadFontFiles(): Promise<FontFiles> {
  if (!fontFiles) {
    fontFiles = readFontFiles();
    fontFiles.catch(() => {
      fontFiles = undefined;
    });
  }
  return fontFiles;
}

async function readFontFile(fontPath: string): Promise<FontFile> {
  try {
    const bytes = await readFile(fontPath);
    return { bytes, font: fontkit.create(bytes), advances: new Map() };
  } catch (error) {
    throw new Error(`PDF font ${fontPath} cannot be read; start the process in the project root.`, { cause: error });
  }
}

async function readFontFiles(): Promise<FontFiles> {
  // The TTFs of the `dejavu-fonts-ttf` package, found from the working directory: the project root for
  // `next start`, the npm scripts and vitest. Not `require.resolve`: Turbopack tries to bundle a .ttf literal
  // ("Unknown module type") and cannot resolve a computed one at run time. Literal `process.cwd()` paths it
  // traces instead, so the files also land in a standalone build.
  const [regular, bold] = await Promise.all([
    readFontFile(path.join(process.cwd(), 'node_modules/dejavu-fonts-ttf/ttf/DejaVuSans.ttf')),
    readFontFile(path.join(process.cwd(), 'node_modules/dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf')),
  ]);
  const inBold = new Set(bold.font.characterSet);
  const drawable = new Set(regular.font.characterSet.filter((cp) => inBold.has(cp)));
  return { regular, bold, drawable };
}

// Cc (controls), Cf (zero-width and bidi marks, soft hyphen) and variation selectors have no visible form; kept,
// they would print as boxes or stray "?" in the middle of a name.
const INVISIBLE = /[\p{Cc}\p{Cf}\uFE00-\uFE0F\u{E0100}-\u{E01EF}]/gu;

// Printable ASCII, single spaces only between words: every such character has a glyph in both faces.
const PLAIN = /^(?:[!-~]+(?: [!-~]+)*)?$/;

function makePrintable(drawable: ReadonlySet<number>): (text: string) => string {
  return (text) => {
    // Most cells (amounts, dates, plain names) are already printable: no copy of them is made.
    if (PLAIN.test(text)) return text;
    // NFC first: pdf-lib ignores mark positioning, so a decomposed "ó" would print its accent beside the o.
    const flat = text.normalize('NFC').replace(/\s+/g, ' ').replace(INVISIBLE, '').trim();
    let out = '';
    for (const ch of flat) out += drawable.has(ch.codePointAt(0) ?? 0) ? ch : '?';
    return out;
  };
}

function makeFace(file: FontFile, font: PDFFont): PdfFace {
  const scale = 1 / file.font.unitsPerEm;
  // By code point, for this document's subset only: its glyph ids are numbered in the order first used.
  const hexes = new Map<number, string>();
  const forEachCodePoint = (text: string, each: (cp: number) => void) => {
    for (let i = 0; i < text.length; i++) {
      const cp = text.codePointAt(i)!;
      if (cp > 0xffff) i++;
      each(cp);
    }
  };
  return {
    font,
    width(text, size) {
      let units = 0;
      forEachCodePoint(text, (cp) => {
        let advance = file.advances.get(cp);
        if (advance === undefined) {
          advance = file.font.glyphForCodePoint(cp).advanceWidth;
          file.advances.set(cp, advance);
        }
        units += advance;
      });
      return units * scale * size;
    },
    encode(text) {
      // One glyph per character (the layout is unshaped), so a string's code is its characters' codes in a row;
      // encoding a character the first time also adds its glyph to the subset, as encoding the string would.
      let hex = '';
      forEachCodePoint(text, (cp) => {
        let code = hexes.get(cp);
        if (code === undefined) hexes.set(cp, (code = font.encodeText(String.fromCodePoint(cp)).asString()));
        hex += code;
      });
      return PDFHexString.of(hex);
    },
  };
}

/**
 * Embeds DejaVu Sans regular and bold into `doc`, subset to the glyphs used. Call once per PDFDocument: a merged
 * PDF of many invoices shares one copy of each face, which is what keeps both the file and the render small.
 */
export async function embedPdfFonts(doc: PDFDocument): Promise<PdfFonts> {
  const files = await loadFontFiles();
  doc.registerFontkit(unshapedFontkit);
  const [regular, bold] = await Promise.all([
    doc.embedFont(files.regular.bytes, { subset: true }),
    doc.embedFont(files.bold.bytes, { subset: true }),
  ]);
  return {
    regular: makeFace(files.regular, regular),
    bold: makeFace(files.bold, bold),
    printable: makePrintable(files.drawable),
  };
}
