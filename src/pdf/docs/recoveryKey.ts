// 开机密码恢复密钥: printed once when the app password is chosen and kept
// locked away from the laptop. Typed into the lock screen it unlocks the
// encrypted contact details so a new password can be set.
import { chineseDate, type DocDef } from '../layout'
import { fieldTable, signatures } from '../blocks'

export interface RecoveryKeyInput {
  /** The community (or street office) the laptop belongs to */
  name: string
  /** XXXXX-XXXXX-XXXXX-XXXXX-XXXXX */
  recoveryKey: string
  /** YYYY-MM-DD */
  date: string
}

export function recoveryKeyToDocDef(input: RecoveryKeyInput): DocDef {
  return {
    frame: { title: `开机密码恢复密钥 ${input.name}`, communityName: input.name, date: chineseDate(input.date) },
    content: [
      { text: '开机密码恢复密钥', style: 'title' },
      fieldTable([
        ['单位', input.name],
        ['设置日期', chineseDate(input.date)],
      ]),
      { text: '恢复密钥', style: 'h2' },
      {
        text: input.recoveryKey.split('-').join('  -  '),
        fontSize: 20,
        bold: true,
        alignment: 'center',
        margin: [0, 8, 0, 16],
      },
      ...[
        '1. 忘记开机密码时，在锁定界面点“忘记密码？使用恢复密钥”，输入上面的 25 个字符（不分大小写，横线可省略），解锁后立即设置新密码。',
        '2. 有了这张纸就能看到居民的电话、住址和身份证号：请锁在柜子里，不要和电脑放在一起，不要拍照或发到微信群。',
        '3. 每次设置或修改开机密码都会生成新的恢复密钥，旧的那张随即作废，请销毁。',
      ].map((text) => ({ text, style: 'small', margin: [0, 0, 0, 6] as [number, number, number, number] })),
      signatures(['保管人']),
    ],
  }
}
