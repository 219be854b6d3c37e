import { renderAsync } from '@resvg/resvg-js';
import { FONT_FAMILY, fontFilesFor } from './fonts.ts';

/**
 * SVG → PNG with resvg (a prebuilt native binary from npm), off the main thread, with the bundled
 * font only: the same pixels on every machine, whatever fonts it has (or lacks).
 */
export async function svgToPng(svg: string): Promise<Buffer> {
  const image = await renderAsync(svg, {
    font: { loadSystemFonts: false, fontFiles: fontFilesFor(svg), defaultFontFamily: FONT_FAMILY, sansSerifFamily: FONT_FAMILY },
    shapeRendering: 2,
    textRendering: 1,
    background: '#ffffff',
    logLevel: 'off',
  });
  return image.asPng();
}
