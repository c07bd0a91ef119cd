// Who raised a request, from what the entry form or a ledger file gives: one
// rule for when a name names nobody (domain/request.ts raisedByFrom).
import { describe, expect, it } from 'vitest'
import { isAnonymousName, raisedByFrom, raisedByName, type RaisedBy } from '@/domain/request'

describe('raisedByFrom', () => {
  it.each<[string, Parameters<typeof raisedByFrom>[0], RaisedBy]>([
    ['a typed name', { kind: 'text', name: '王秀英' }, { kind: 'text', name: '王秀英' }],
    ['a typed name with spaces round it', { kind: 'text', name: '  李建国 ' }, { kind: 'text', name: '李建国' }],
    ['a blank name', { kind: 'text', name: '' }, { kind: 'anonymous' }],
    ['a name of spaces (full-width too)', { kind: 'text', name: ' \u3000 ' }, { kind: 'anonymous' }],
    ['no name at all', { kind: 'text' }, { kind: 'anonymous' }],
    ['the word 匿名 a ledger prints', { kind: 'text', name: '匿名' }, { kind: 'anonymous' }],
    ['匿名 with spaces', { kind: 'text', name: ' 匿名 ' }, { kind: 'anonymous' }],
    ['a name that only contains 匿名', { kind: 'text', name: '匿名群众张' }, { kind: 'text', name: '匿名群众张' }],
    ['anonymous chosen, a name left in the box', { kind: 'anonymous', name: '王秀英' }, { kind: 'anonymous' }],
    [
      'a roster person',
      { kind: 'person', personId: 'p-17', personName: '赵德明', name: 'ignored' },
      { kind: 'person', personId: 'p-17', name: '赵德明' },
    ],
    // The schema then asks for a person (intake.errors.pickPerson); it is not quietly anonymous.
    ['person chosen, nobody picked', { kind: 'person' }, { kind: 'person', personId: '', name: '' }],
  ])('%s', (_, entry, expected) => {
    expect(raisedByFrom(entry)).toEqual(expected)
  })

  it('isAnonymousName: blank, spaces or 匿名 name nobody; a real name or part of 匿名 does not', () => {
    const nobody = ['', '   ', undefined, '匿名', '匿名 ']
    const somebody = ['王秀英', '匿']
    expect(nobody.map(isAnonymousName)).toEqual(nobody.map(() => true))
    expect(somebody.map(isAnonymousName)).toEqual(somebody.map(() => false))
  })

  it('prints what it read back: 匿名 for nobody, the name otherwise', () => {
    expect(raisedByName({ raisedBy: raisedByFrom({ kind: 'text', name: ' ' }) }, '匿名')).toBe('匿名')
    expect(raisedByName({ raisedBy: raisedByFrom({ kind: 'text', name: '王秀英' }) }, '匿名')).toBe('王秀英')
  })
})
