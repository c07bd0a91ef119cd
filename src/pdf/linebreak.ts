// Chinese line breaking (禁则): a line may break between any two Chinese
// characters, never inside a Latin word or number, never before closing
// punctuation (，。、；：？！）」》… may not start a line) and never after
// opening punctuation (（「《“ may not end one). Pure: widths come in.

const CLOSING = new Set([...'，。、；：？！）］｝〕〗〙〛」』】》〉”’…‥—–·・～%％,.;:?!)]}ー々〆ゝゞヽヾ'])
const OPENING = new Set([...'（［｛〔〖〘〚「『【《〈“‘([{'])

const isSpace = (ch: string) => ch === ' ' || ch === '\t' || ch === '\u3000'

/**
 * Latin, Greek, Cyrillic, digits and their punctuation sit below the CJK
 * blocks; a run of them (2026, 14:30, 0931-8812345, A4) is one word.
 */
const isWordChar = (ch: string) => ch.charCodeAt(0) < 0x2e80

/** May a line start at `chars[i]` (i > 0)? */
export function canBreakBefore(chars: readonly string[], i: number): boolean {
  const prev = chars[i - 1]!
  const cur = chars[i]!
  if (isSpace(cur)) return false
  if (isSpace(prev)) return true
  if (CLOSING.has(cur) || OPENING.has(prev)) return false
  return !(isWordChar(prev) && isWordChar(cur))
}

/**
 * Greedy line filling: the indices into `chars` where each line starts.
 * `\n` ends a line (it belongs to no line's text). Spaces at the end of a
 * line do not count against `maxWidth`. A word longer than a whole line is
 * cut where it overflows, the one case the rules cannot be kept.
 */
export function lineStarts(chars: readonly string[], widths: readonly number[], maxWidth: number): number[] {
  const starts = [0]
  let lineStart = 0
  let width = 0
  let lastBreak = -1
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!
    if (ch === '\n') {
      starts.push(i + 1)
      lineStart = i + 1
      width = 0
      lastBreak = -1
      continue
    }
    if (i > lineStart && canBreakBefore(chars, i)) lastBreak = i
    width += widths[i]!
    if (width <= maxWidth || isSpace(ch) || i === lineStart) continue
    const start = lastBreak > lineStart ? lastBreak : i
    starts.push(start)
    lineStart = start
    lastBreak = -1
    width = 0
    i = start - 1 // measure the carried-over characters again on the new line
  }
  return starts
}
