import { describe, expect, it } from 'vitest'
import { bodyFormSchema } from '@/domain/body'
import { defaultRules } from '@/domain/rules'
import { parseForm } from '@/domain/validate'

const form = (over: Record<string, unknown> = {}) => ({
  name: '村民代表会议',
  kind: 'villagerReps',
  memberIds: ['p1'],
  ...defaultRules('villagerReps'),
  writtenCountsAsPresent: false,
  ...over,
})

describe('body form', () => {
  it('accepts the legal defaults', () => {
    expect(parseForm(bodyFormSchema, form()).ok).toBe(true)
  })
  it('refuses an empty name and a fraction above one, with i18n keys', () => {
    const r = parseForm(
      bodyFormSchema,
      form({
        name: ' ',
        passingRule: { base: 'present', threshold: { kind: 'fraction', num: 5, den: 4, strict: false } },
      }),
    )
    expect(r.ok).toBe(false)
    if (!r.ok) {
      expect(r.fields.name?.key).toBe('validation.required')
      expect(Object.entries(r.fields).find(([k]) => k.startsWith('passingRule'))?.[1].key).toBe('rules.error.fraction')
    }
  })
  it('accepts a custom fraction such as three quarters', () => {
    expect(
      parseForm(
        bodyFormSchema,
        form({ quorumRule: { base: 'expected', threshold: { kind: 'fraction', num: 3, den: 4, strict: false } } }),
      ).ok,
    ).toBe(true)
  })
})
