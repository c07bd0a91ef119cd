// Every period typed in days (公示期, 异议期) is checked by one schema with one
// message: the community's default, a template's and a stage's period, a
// posted notice, the agenda notice and a matter's notice.
import { describe, expect, it } from 'vitest'
import { communitySettingsSchema } from '@/domain/community'
import { noticeSchema } from '@/domain/matter'
import { agendaNoticeSchema, noticePostingSchema } from '@/domain/notice'
import { TEMPLATE_FIVE_ONE_TWO, templateFormSchema, toForm } from '@/domain/template'
import { parseForm } from '@/domain/validate'

/** Each form, valid but for the period given. */
const FORMS = {
  template: (d: unknown) => parseForm(templateFormSchema, { ...toForm(TEMPLATE_FIVE_ONE_TWO), noticePeriodDays: d }),
  stage: (d: unknown) => {
    const form = toForm(TEMPLATE_FIVE_ONE_TWO)
    const i = form.stages.findIndex((s) => s.kind === 'notice')
    form.stages[i] = { ...form.stages[i]!, periodDays: d as number }
    const r = parseForm(templateFormSchema, form)
    return r.ok ? r : { ok: false as const, fields: { periodDays: r.fields[`stages.${i}.periodDays`]! } }
  },
  matterNotice: (d: unknown) => parseForm(noticeSchema, { date: '2026-12-10', periodDays: d, places: ['村务公开栏'] }),
  posting: (d: unknown) =>
    parseForm(noticePostingSchema, { startsOn: '2026-12-10', periodDays: d, places: ['公示栏'] }),
  agenda: (d: unknown) => parseForm(agendaNoticeSchema, { postedOn: '2026-12-10', periodDays: d, places: ['公示栏'] }),
  settings: (d: unknown) => {
    const shape = communitySettingsSchema.shape.noticePeriodDays
    const r = shape.safeParse(d)
    return r.success
      ? { ok: true as const }
      : { ok: false as const, fields: { periodDays: { key: r.error.issues[0]!.message } } }
  },
}

describe('one period schema, one message', () => {
  const cases: [unknown, string | undefined][] = [
    [1, undefined],
    [7, undefined],
    [90, undefined],
    [0, 'validation.noticeDays'],
    [91, 'validation.noticeDays'],
    [7.5, 'validation.noticeDays'],
    [-3, 'validation.noticeDays'],
    ['7', 'validation.noticeDays'],
    [Number.NaN, 'validation.noticeDays'],
  ]
  for (const [form, parse] of Object.entries(FORMS))
    it.each(cases)(`${form}: %s days → %s`, (days, key) => {
      const r = parse(days)
      if (key === undefined) expect(r.ok).toBe(true)
      else {
        expect(r.ok).toBe(false)
        const fields = (r as { fields: Record<string, { key: string }> }).fields
        const field = fields.periodDays ?? fields.noticePeriodDays
        expect(field?.key).toBe(key)
      }
    })
})
