import { readFileSync } from 'node:fs';
import * as fontkit from 'fontkit';

/**
 * Noto Sans JP (SIL OFL 1.1) from the `@expo-google-fonts/noto-sans-jp` package: whole TrueType files
 * (Japanese, Latin, digits in one font), which pdfkit embeds as a subset of the glyphs a document
 * uses (a few dozen KB) with a ToUnicode map, so the text can be searched, copied and extracted.
 * Fontsource's packages split CJK fonts into ~120 files by unicode range, which a PDF writer cannot
 * choose between per character.
 */
const FILES = {
  regular: '@expo-google-fonts/noto-sans-jp/400Regular/NotoSansJP_400Regular.ttf',
  bold: '@expo-google-fonts/noto-sans-jp/700Bold/NotoSansJP_700Bold.ttf',
} as const;

export type FontWeight = keyof typeof FILES;

/** A parsed font; pdfkit accepts fontkit's object as a font source (its types say only files and bytes). */
export type LoadedFont = fontkit.Font;

let loaded: Record<FontWeight, LoadedFont> | null = null;

/**
 * Read and parsed once per process, on the first document (5.5 MB each; fontkit reads tables as they
 * are used). Every document shares the parsed fonts: their glyph and layout caches make the second
 * document of a process ~3× faster than opening the file for each (bench:documents).
 */
export function documentFonts(): Record<FontWeight, LoadedFont> {
  if (!loaded) {
    const open = (weight: FontWeight) =>
      fontkit.create(readFileSync(require.resolve(FILES[weight]))) as LoadedFont;
    loaded = { regular: open('regular'), bold: open('bold') };
  }
  return loaded;
}
