// 公钥指纹确认单: printed once, handed over or kept beside the laptop, so the
// other side compares the fingerprint its screen shows with this paper.
import { fingerprintGroups } from '@/archive/keys'
import { chineseDate, type DocDef } from '../layout'
import { fieldTable, signatures } from '../blocks'

export interface KeyFingerprintInput {
  name: string
  role: 'street' | 'community'
  fingerprint: string
  /** YYYY-MM-DD */
  date: string
}

export function keyFingerprintToDocDef(input: KeyFingerprintInput): DocDef {
  const groups = fingerprintGroups(input.fingerprint).split(' ')
  const lines = [0, 4, 8, 12].map((i) => groups.slice(i, i + 4).join('  ')).join('\n')
  return {
    frame: { title: `公钥指纹确认单 ${input.name}`, communityName: input.name, date: chineseDate(input.date) },
    content: [
      { text: '公钥指纹确认单', style: 'title' },
      fieldTable([
        ['单位', input.name],
        ['类型', input.role === 'street' ? '街道（乡镇）' : '社区（村）'],
        ['打印日期', chineseDate(input.date)],
      ]),
      { text: '公钥指纹（SHA-256）', style: 'h2' },
      { text: lines, fontSize: 16, lineHeight: 1.6, margin: [0, 4, 0, 12], alignment: 'center' },
      {
        text: '对方导入本单位公钥文件时，屏幕上显示的指纹须与上面逐组完全一致，方可确认。如有任何一组不同，请勿确认，并及时联系本单位。',
        style: 'small',
      },
      signatures(['经办人']),
    ],
  }
}
