import { describe, expect, it } from 'vitest'
import { chineseDate, type DocDef } from '@/pdf/layout'
import { pdfFonts, pdfPageCount, pdfTextCompact, renderNode } from './support/pdf'

const doc = (paragraphs: number): DocDef => ({
  frame: { title: '测试', communityName: '新华路社区', date: '2026年12月10日' },
  content: [
    { text: '协商议事会测试文件', style: 'title' },
    ...Array.from({ length: paragraphs }, (_, i) => ({
      text: `第${i + 1}段：居民代表堃、喆、昇、赟对北门开通提出意见，认为应当先行入户征求意见。`,
      margin: [0, 0, 0, 6] as [number, number, number, number],
    })),
  ],
})

describe('PDF frame', () => {
  it('prints Chinese with page numbers, community and date, font embedded as a subset', async () => {
    const bytes = await renderNode(doc(120))
    const text = pdfTextCompact(bytes)
    const pages = pdfPageCount(bytes)
    expect(pages).toBeGreaterThan(1)
    expect(text).toContain('协商议事会测试文件')
    expect(text).toContain('堃、喆、昇、赟')
    expect(text).toContain(`第1页共${pages}页`)
    expect(text).toContain(`第${pages}页共${pages}页`)
    expect(text.split('新华路社区').length - 1).toBeGreaterThanOrEqual(pages)
    // NotoSansSC embedded, subset (pdffonts: "emb sub" both yes)
    const fonts = pdfFonts(bytes)
    expect(fonts).toMatch(/NotoSansSC\S*\s+CID TrueType\s+Identity-H\s+yes\s+yes/)
    expect(bytes.byteLength).toBeLessThan(400_000)
  })
  it('renders twice in a row (fonts are not consumed by the first render)', async () => {
    await renderNode(doc(1))
    expect(pdfTextCompact(await renderNode(doc(1)))).toContain('第1段')
  })
  it('writes dates the Chinese way', () => {
    expect(chineseDate('2026-12-10')).toBe('2026年12月10日')
    expect(chineseDate(undefined)).toBe('')
  })
})
