// The boundary rules fail on a deliberately bad example (and pass the good
// one next to it), so a config change that silently switches one off shows here.
import { execFileSync } from 'node:child_process'
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ESLint } from 'eslint'

const root = resolve(__dirname, '../..')
const eslint = new ESLint({ cwd: root })

/** The name a one-line import binds: `import { a } …` → a, `import A from …` → A. */
const boundName = (line: string) => line.replace(/^import (type )?(\{ )?(\w+).*$/, '$3')

/** The rule ids ESLint reports for `code` as if it were the file at `path`. */
async function rulesHit(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(root, path) })
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message)
}

describe('lint boundaries', () => {
  it.each([
    ['src/views/agenda/AgendaBad.ts', "import { emptyFilter } from '../intake/ledger'", 'no-restricted-imports'],
    ['src/views/agenda/AgendaBad.ts', "import { emptyFilter } from '@/views/intake/ledger'", 'no-restricted-imports'],
    ['src/pdf/docs/bad.ts', "import { db } from '@/db/schema'", 'no-restricted-imports'],
    ['src/pdf/docs/bad.ts', "import { ref } from 'vue'", 'no-restricted-imports'],
    ['src/db/bad.repo.ts', "import { METHOD } from '@/pdf/labels'", '@typescript-eslint/no-restricted-imports'],
    ['src/domain/bad.ts', "import { db } from '@/db/schema'", 'no-restricted-imports'],
    ['src/views/agenda/AgendaBad.ts', "import Dexie from 'dexie'", '@typescript-eslint/no-restricted-imports'],
    ['src/views/agenda/AgendaBad.ts', "import { parseForm } from '@/domain/validate'", 'no-restricted-imports'],
  ])('%s: refuses %s', async (path, line, rule) => {
    expect(await rulesHit(path, `${line}\nexport const use = [${boundName(line)}]\n`)).toContain(rule)
  })

  it.each([
    ['src/views/intake/IntakeGood.ts', "import { emptyFilter } from './ledger'"],
    ['src/views/agenda/AgendaGood.ts', "import { raisedByName } from '@/domain/request'"],
    ['src/db/good.repo.ts', "import type { DocDef } from '@/pdf/layout'"],
    ['src/pdf/docs/good.ts', "import { METHOD } from '../labels'"],
  ])('%s: allows %s', async (path, line) => {
    expect(await rulesHit(path, `${line}\nexport const use = [${boundName(line)}]\n`)).toEqual([])
  })

  it('refuses an import cycle', async () => {
    // Real files: the cycle rule follows imports on disk.
    const dir = join(root, 'src', `lint-cycle-${process.pid}`)
    mkdirSync(dir, { recursive: true })
    try {
      writeFileSync(join(dir, 'a.ts'), "import { b } from './b'\nexport const a = () => b()\n")
      writeFileSync(join(dir, 'b.ts'), "import { a } from './a'\nexport const b = (): number => (a ? 1 : 0)\n")
      const results = await eslint.lintFiles([join(dir, 'a.ts')])
      expect(results[0]!.messages.map((m) => m.ruleId)).toContain('import-x/no-cycle')
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('knip reports an export nobody imports', () => {
    let out = ''
    try {
      execFileSync(join(root, 'node_modules/.bin/knip'), ['--no-progress', '--directory', 'tests/lint-fixtures/knip'], {
        cwd: root,
        encoding: 'utf8',
      })
    } catch (e) {
      out = String((e as { stdout?: string }).stdout)
    }
    expect(out).toContain('neverImported')
    expect(out).not.toMatch(/\bused\b/)
  })
})
