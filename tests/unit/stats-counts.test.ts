// 已解决 means solved; 已答复 means the person got a final answer. A rejected
// request is answered, not resolved; a voted-down topic resolves nothing.
import { describe, expect, it } from 'vitest'
import { isAnswered, isResolved, periodStats, type RequestRow } from '@/domain/stats'

const row = (over: Partial<RequestRow>): RequestRow => ({
  receivedOn: '2026-03-02',
  status: 'open',
  channel: '居民说事厅',
  handlingType: 'suggestion',
  category: '公共设施',
  ...over,
})
const PERIOD = { from: '2026-03-01', to: '2026-03-31' }
const stats = (requests: RequestRow[]) => periodStats({ requests, items: [], evaluations: [] }, PERIOD, '2026-04-01')

describe('which request fields decide 已解决 and 已答复', () => {
  it.each<[string, Partial<RequestRow>, boolean, boolean]>([
    // case, fields, resolved, answered
    ['handled and done', { status: 'resolved' }, true, true],
    ['done and the person told', { status: 'closed', loopClosedOn: '2026-03-20' }, true, true],
    ['rejected (不予采纳)', { status: 'rejected', triage: { decision: 'reject' } }, false, true],
    ['rejected, then archived', { status: 'closed', triage: { decision: 'reject' } }, false, true],
    [
      'on a topic that passed and was carried out',
      { status: 'resolved', triage: { decision: 'topic' }, topicResult: 'passed' },
      true,
      true,
    ],
    ['on a topic voted down', { status: 'closed', triage: { decision: 'topic' }, topicResult: 'failed' }, false, true],
    [
      'on a deferred topic',
      { status: 'onAgenda', triage: { decision: 'topic' }, topicResult: 'deferred' },
      false,
      false,
    ],
    ['still open', { status: 'inProgress' }, false, false],
    ['escalated, answer awaited', { status: 'escalated', triage: { decision: 'escalate' } }, false, false],
  ])('%s → resolved %s, answered %s', (_, fields, resolved, answered) => {
    expect(isResolved(row(fields))).toBe(resolved)
    expect(isAnswered(row(fields))).toBe(answered)
  })
})

describe('period statistics', () => {
  it('three rejected-then-archived requests are not 已解决 but are 已答复', () => {
    const rejected = row({ status: 'closed', triage: { decision: 'reject' }, loopClosedOn: '2026-03-10' })
    const s = stats([rejected, rejected, rejected, row({ status: 'resolved' })])
    expect(s).toMatchObject({ collected: 4, resolved: 1, answered: 4, resolutionRate: 0.25, answerRate: 1 })
    expect(s.byChannel[0]).toEqual({ key: '居民说事厅', collected: 4, resolved: 1, answered: 4 })
  })
  it('a voted-down topic’s requests are not 已解决', () => {
    const onTopic = row({ status: 'closed', triage: { decision: 'topic' }, topicResult: 'failed' })
    expect(stats([onTopic, onTopic])).toMatchObject({ collected: 2, resolved: 0 })
  })
})
