import { describe, expect, it } from 'vitest'
import ExcelJS from 'exceljs'
import { decodeText, parseCsv, parseXls, parseXlsx, readSheet } from '@/io/sheet'
import { isRosterHeader, validateRosterRows } from '@/domain/roster-import'
import { PRESET_JINCHANG } from '@/domain/roles'

// "新华路社区居民代表名册", a blank line, then 姓名,角色,电话 and two people — as Excel on a
// Chinese Windows saves a CSV: GBK, no BOM.
const GBK_CSV =
  'd0c2bbaac2b7c9e7c7f8bed3c3f1b4fab1edc3fbb2e10a0ad0d5c3fb2cbdc7c9ab2cb5e7bbb00acdf5bda8b9fa2cb5b3d7e9d6afcae9bcc72c31333931323334353637380ac0eed0e3d3a22cb5c2b8dfcdfbd6d8bed3c3f1b4fab1ed2c0a'
const bytes = (hex: string) => new Uint8Array(hex.match(/../g)!.map((h) => parseInt(h, 16))).buffer

describe('roster files as offices really save them', () => {
  it('a GBK CSV with a title row reads as UTF-8 text, header found below the title', () => {
    const sheet = parseCsv(decodeText(bytes(GBK_CSV)), isRosterHeader)
    expect(sheet.headers).toEqual(['姓名', '角色', '电话'])
    expect(sheet.rows.map((r) => r.姓名)).toEqual(['王建国', '李秀英'])
    expect(sheet.firstRow).toBe(4)
    const result = validateRosterRows(sheet.headers, sheet.rows, PRESET_JINCHANG, sheet.firstRow)
    expect(result.ok && result.people.map((p) => [p.name, p.roleIds])).toEqual([
      ['王建国', ['secretary']],
      ['李秀英', ['respected-resident']],
    ])
  })
  it('UTF-8 with a BOM still reads as UTF-8', () => {
    const text = decodeText(new TextEncoder().encode('\uFEFF姓名,角色\n张桂兰,法律工作者\n').buffer)
    expect(parseCsv(text, isRosterHeader).rows).toEqual([{ 姓名: '张桂兰', 角色: '法律工作者' }])
  })
  it('a WPS workbook with a merged title row: the header is row 2, problems name the real row', async () => {
    const wb = new ExcelJS.Workbook()
    const ws = wb.addWorksheet('名册')
    ws.addRow(['新华路社区协商议事会成员名册'])
    ws.mergeCells('A1:C1')
    ws.addRow(['序号', '姓名', '电话'])
    ws.addRow([1, '王建国', '13912345678'])
    ws.addRow([2, '刘海燕', '1391234'])
    const buffer = (await wb.xlsx.writeBuffer()) as ArrayBuffer
    const sheet = await parseXlsx(buffer, isRosterHeader)
    expect(sheet.headers).toEqual(['序号', '姓名', '电话'])
    const result = validateRosterRows(sheet.headers, sheet.rows, PRESET_JINCHANG, sheet.firstRow)
    expect(result.ok).toBe(false)
    expect(!result.ok && result.rows.map((r) => [r.row, r.problem.key])).toEqual([[4, 'roster.import.badPhone']])
  })
})

describe('an old Excel .xls roster', () => {
  it('is read through the same row parser: title row skipped, phone kept as typed, rows numbered', async () => {
    // The fixture is built here as Excel 97-2003 (BIFF8), the format of "Excel 97-2003 工作簿 (*.xls)".
    const XLSX = await import('@e965/xlsx')
    const ws = XLSX.utils.aoa_to_sheet([
      ['新华路社区协商议事会成员名册'],
      ['姓名', '角色', '电话'],
      ['王建国', '党组织书记', '13912345678'],
      ['刘海燕', '法律工作者', 13912345679],
    ])
    const wb = XLSX.utils.book_new()
    XLSX.utils.book_append_sheet(wb, ws, '名册')
    const bytes = XLSX.write(wb, { bookType: 'biff8', type: 'array' }) as ArrayBuffer
    // An OLE compound file, the signature of a real .xls (not an .xlsx zip renamed).
    expect([...new Uint8Array(bytes).slice(0, 4)]).toEqual([0xd0, 0xcf, 0x11, 0xe0])
    const viaFile = await readSheet(new File([bytes], '名册.XLS'), isRosterHeader)
    expect(viaFile.ok && viaFile.sheet.rows).toHaveLength(2)
    const sheet = await parseXls(bytes, isRosterHeader)
    expect(sheet.headers).toEqual(['姓名', '角色', '电话'])
    expect(sheet.firstRow).toBe(3)
    const result = validateRosterRows(sheet.headers, sheet.rows, PRESET_JINCHANG, sheet.firstRow)
    expect(result.ok && result.people.map((p) => [p.name, p.roleIds, p.phone])).toEqual([
      ['王建国', ['secretary'], '13912345678'],
      ['刘海燕', ['legal-worker'], '13912345679'],
    ])
  })

  it('a .xls file goes through readSheet, a broken one is unreadable, not a crash', async () => {
    const broken = new File([new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 1, 2, 3])], '名册.xls')
    const read = await readSheet(broken, isRosterHeader)
    expect(read.ok === false && read.problem.key).toBe('io.unreadable')
    const truncated = new File([new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0])], '名册.xls')
    const read2 = await readSheet(truncated, isRosterHeader)
    expect(read2.ok === false && read2.problem.key).toBe('io.unreadable')
  })
})
