#!/usr/bin/env node
// The commit-msg check (git passes the message file): a subject of at most
// 72 characters, then a blank line before any body. See README, "Commits".
import { readFileSync } from 'node:fs'

const MAX_SUBJECT = 72

const file = process.argv[2]
if (!file) {
  console.error('usage: check-commit-msg.mjs <message-file>')
  process.exit(2)
}
// Git strips lines starting with '#' after this hook runs; ignore them here too.
const lines = readFileSync(file, 'utf8')
  .split('\n')
  .filter((l) => !l.startsWith('#'))
const subject = lines[0]?.trim() ?? ''
const problems = []
if (!subject) problems.push('the subject line is empty')
// Count characters, not UTF-16 units: a Chinese subject counts each character once.
else if ([...subject].length > MAX_SUBJECT)
  problems.push(`the subject has ${[...subject].length} characters; at most ${MAX_SUBJECT}`)
if (lines.length > 1 && lines[1].trim() !== '') problems.push('leave a blank line between the subject and the body')
if (problems.length > 0) {
  console.error(`commit message refused: ${problems.join('; ')}.\n> ${subject}`)
  process.exit(1)
}
