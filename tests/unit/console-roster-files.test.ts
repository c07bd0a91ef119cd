import { describe, expect, it } from 'vitest'
import ExcelJS from 'exceljs'
import { decodeText, parseCsv, parseXlsx } from '@/io/sheet'
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
