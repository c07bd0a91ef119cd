// The verification block printed on sealed documents: the code in groups
// (typed back in to check) and a QR of the full chain head (scanned back in).
import type { Content } from 'pdfmake/interfaces'
import { headQrText } from '@/domain/seal'
import { note } from '../blocks'
import type { SealInfo } from '../inputs'

export function sealBlock(seal: SealInfo, explanation: string, fontSize = 13): Content {
  return {
    unbreakable: true,
    margin: [0, 16, 0, 0],
    columns: [
      // eccLevel M survives a smudged or folded print; 100 pt is large enough for a phone at arm's length.
      seal.head ? { qr: headQrText(seal.head), fit: 100, eccLevel: 'M', width: 108 } : { text: '', width: 0 },
      {
        stack: [{ text: `核验码：${seal.code}`, bold: true, fontSize }, note(explanation)],
        margin: [8, 8, 0, 0],
      },
    ],
  }
}
