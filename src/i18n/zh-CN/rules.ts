export default {
  rules: {
    base: {
      members: '全体成员',
      expected: '应到人数',
      present: '实到人数',
      households: '本村户数',
      asked: '走访户数',
      reached: '走访到的户数',
    },
    share: { half: '过半数', twoThirds: '三分之二以上', atLeast: '{share}以上', moreThan: '超过{share}' },
    use: {
      quorum: '{base}{share}出席',
      quorumHouseholds: '本村{share}的户派代表参加',
      passing: '{base}{share}同意',
      canvass: '{base}{share}同意',
    },
    kind: { half: '过半数', twoThirds: '三分之二以上', fraction: '自定义比例' },
    strict: '须超过（不含等于）',
    error: {
      fraction: '比例应为不大于 1 的正分数',
      base: {
        quorum: '到会人数只能按全体成员、应到人数或本村户数计算',
        passing: '通过规则只能按实到、应到或全体成员计算',
        canvass: '征求意见只能按走访户数或走访到的户数计算',
      },
    },
  },
}
