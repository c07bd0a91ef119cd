// Masking for public documents and the projector (PIPL: show no more than needed).

/** 13812345678 → 138****5678; landlines keep area code and last 4. */
export function maskPhone(phone: string): string {
  const p = phone.replace(/\s/g, '')
  if (/^1\d{10}$/.test(p)) return `${p.slice(0, 3)}****${p.slice(7)}`
  const landline = /^(0\d{2,3})-?(\d{3,4})(\d{4})$/.exec(p)
  if (landline) return `${landline[1]}-****${landline[3]}`
  return p.length > 4 ? `${'*'.repeat(p.length - 4)}${p.slice(-4)}` : '****'
}

/** 18-digit ID → first 6 and last 4 kept: 110105********002X. */
export function maskIdNumber(id: string): string {
  const s = id.trim()
  return s.length >= 10 ? `${s.slice(0, 6)}${'*'.repeat(s.length - 10)}${s.slice(-4)}` : '*'.repeat(s.length)
}

/** Masks phone and ID numbers wherever they appear inside free text. */
export function maskText(text: string): string {
  return text
    .replace(/(?<!\d)\d{17}[\dXx](?!\d)/g, (m) => maskIdNumber(m))
    .replace(/(?<!\d)1[3-9]\d{9}(?!\d)/g, (m) => maskPhone(m))
}

/** 张建国 → 张某某 (for public versions that hide residents' names). */
export function maskName(name: string): string {
  const n = name.trim()
  if (n.length <= 1) return n
  return n[0] + '某'.repeat(Math.min(2, n.length - 1))
}
