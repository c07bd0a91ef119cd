// Parts the two public notices share: the period, how to object, the issuer.
import type { Content } from 'pdfmake/interfaces'
import { chineseDate } from '../layout'
import type { NoticeInfo } from '../inputs'

/** 公示期 and how to object, as sentences. */
export function objectionLines(n: NoticeInfo, who: string, village: boolean, fontSize?: number): Content[] {
  const period =
    n.startsOn && n.endsOn
      ? `公示期：${chineseDate(n.startsOn)}至${chineseDate(n.endsOn)}（${n.periodDays}天）。`
      : `公示期：${n.periodDays}天。`
  const ways = [
    n.objectTo ? `向${n.objectTo}反映` : '',
    n.objectPhone ? `电话：${n.objectPhone}` : '',
    n.objectBox ? `或投入${n.objectBox}` : '',
  ].filter(Boolean)
  const how =
    ways.length > 0
      ? `${who}，请在公示期内${ways.join('，')}。`
      : `${who}，请在公示期内向${village ? '村' : '社区'}党组织反映。`
  return [
    { text: period, bold: true, fontSize, margin: [0, 8, 0, 2] },
    { text: how, fontSize, margin: [0, 0, 0, 4] },
    ...(n.places.length > 0
      ? [
          {
            text: `公示地点：${n.places.join('、')}`,
            fontSize,
            margin: [0, 0, 0, 4] as [number, number, number, number],
          },
        ]
      : []),
  ]
}

/**
 * The issuing body and date at the right, with room for the seal. Marked
 * (id 'issuer') so the 公文 style can put its own 落款 in its place.
 */
export function issuerBlock(issuer: string, on: string, sealArea = true, fontSize?: number): Content {
  return {
    id: 'issuer',
    issuer,
    issuedOn: chineseDate(on),
    unbreakable: true,
    margin: [0, 20, 0, 0],
    columns: [
      { width: '*', text: '' },
      {
        width: 'auto',
        stack: [
          { text: issuer, alignment: 'center', fontSize },
          { text: chineseDate(on), alignment: 'center', fontSize, margin: [0, 4, 0, 0] },
          ...(sealArea
            ? [
                {
                  text: '（盖章）',
                  style: 'small',
                  alignment: 'center' as const,
                  margin: [0, 30, 0, 0] as [number, number, number, number],
                },
              ]
            : []),
        ],
      },
    ],
  } as Content
}

/** Whom a public notice addresses (主送), printed in the 公文 style. */
export const addressee = (kind?: 'community' | 'village') => (kind === 'village' ? '全体村民：' : '全体居民：')
