// The PDF font: Noto Sans SC, full TTF (a GB2312 subset would drop characters
// found in real names, such as 堃 喆 昇 赟). pdfmake embeds only the glyphs used.
export const FONT_FAMILY = 'NotoSansSC'

export const FONT_FILES = {
  normal: 'NotoSansSC-Regular.ttf',
  bold: 'NotoSansSC-Bold.ttf',
} as const

/**
 * A fresh font table for each document: pdfmake 0.3 rewrites array-form
 * definitions in place, which breaks the second render; plain names do not.
 */
export function fontTable() {
  return {
    [FONT_FAMILY]: {
      normal: FONT_FILES.normal,
      bold: FONT_FILES.bold,
      italics: FONT_FILES.normal,
      bolditalics: FONT_FILES.bold,
    },
  }
}
