// The PDF fonts: Noto Sans SC, full TTF (a GB2312 subset would drop characters
// found in real names, such as 堃 喆 昇 赟), and Noto Serif SC for the 公文
// style (a 宋体-like serif; loaded only when a document uses it). pdfmake
// embeds only the glyphs used.
export const FONT_FAMILY = 'NotoSansSC'
export const SERIF_FAMILY = 'NotoSerifSC'

export const FONT_FILES = {
  normal: 'NotoSansSC-Regular.ttf',
  bold: 'NotoSansSC-Bold.ttf',
} as const

export const SERIF_FILES = {
  normal: 'NotoSerifSC-Regular.ttf',
  bold: 'NotoSerifSC-Bold.ttf',
} as const

/**
 * A fresh font table for each document: pdfmake 0.3 rewrites array-form
 * definitions in place, which breaks the second render; plain names do not.
 * The serif face is listed only when its files are loaded.
 */
export function fontTable(withSerif = false) {
  const face = (files: { normal: string; bold: string }) => ({
    normal: files.normal,
    bold: files.bold,
    italics: files.normal,
    bolditalics: files.bold,
  })
  return { [FONT_FAMILY]: face(FONT_FILES), ...(withSerif ? { [SERIF_FAMILY]: face(SERIF_FILES) } : {}) }
}
