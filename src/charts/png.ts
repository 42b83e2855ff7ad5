/**
 * Charts as PNG, for slides and documents that take no SVG: the chart's SVG rasterised by resvg (a Rust
 * renderer shipped as a prebuilt npm binary, no browser). Labels mix Chinese and Latin text, so one CJK
 * face that also has Latin glyphs is made the sans-serif family when installed (Debian's fonts-noto-cjk):
 * letting resvg fall back font by font per glyph costs seconds a chart. Otherwise the system fonts are used.
 */
import { existsSync } from 'node:fs';
import { Resvg, type ResvgRenderOptions } from '@resvg/resvg-js';

const CJK_FONTS = [
  { file: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', family: 'Noto Sans CJK SC' },
  { file: '/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc', family: 'Noto Sans CJK SC' },
];

export interface PngOptions {
  /** Pixels per SVG unit (default 2: sharp at the chart's own size). */
  scale?: number;
}

function fontOptions(): ResvgRenderOptions['font'] {
  const cjk = CJK_FONTS.find((f) => existsSync(f.file));
  if (!cjk) return { loadSystemFonts: true };
  return { loadSystemFonts: false, fontFiles: [cjk.file], defaultFontFamily: cjk.family, sansSerifFamily: cjk.family };
}

export function svgToPng(svg: string, options: PngOptions = {}): Buffer {
  const resvg = new Resvg(svg, { fitTo: { mode: 'zoom', value: options.scale ?? 2 }, background: 'white', font: fontOptions() });
  return resvg.render().asPng();
}
