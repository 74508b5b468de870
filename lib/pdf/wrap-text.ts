import type { PdfFonts } from './pdf-fonts';

export interface WrapOptions {
  size: number;
  width: number;
  bold?: boolean;
  maxLines: number;
}

/**
 * Splits text at spaces into lines that fit `width`, for names and addresses that must not be cut short when
 * a second line would hold them. The last allowed line takes whatever is left; drawText ends it with "…" if it
 * still does not fit.
 */
export function wrapText(fonts: PdfFonts, text: string, options: WrapOptions): string[] {
  const face = options.bold ? fonts.bold : fonts.regular;
  const lines: string[] = [];
  let line = '';
  for (const word of fonts.printable(text).split(' ')) {
    const candidate = line === '' ? word : `${line} ${word}`;
    if (line !== '' && face.width(candidate, options.size) > options.width) {
      lines.push(line);
      line = word;
    } else {
      line = candidate;
    }
  }
  if (line !== '') lines.push(line);
  const kept = lines.slice(0, options.maxLines - 1);
  const rest = lines.slice(options.maxLines - 1).join(' ');
  return rest === '' ? kept : [...kept, rest];
}
