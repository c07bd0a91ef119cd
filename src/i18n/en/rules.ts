export default {
  rules: {
    base: {
      members: 'all members',
      expected: 'those expected',
      present: 'those present',
      households: 'households of the village',
      asked: 'households asked',
      reached: 'households reached',
    },
    share: {
      half: 'more than half',
      twoThirds: 'two thirds or more',
      atLeast: '{share} or more',
      moreThan: 'more than {share}',
    },
    use: {
      quorum: '{share} of {base} present',
      quorumHouseholds: '{share} of the village’s households represented',
      passing: '{share} of {base} in favour',
      canvass: '{share} of {base} agreeing',
    },
    kind: { half: 'More than half', twoThirds: 'Two thirds or more', fraction: 'Custom fraction' },
    strict: 'Must exceed (not equal)',
    error: {
      fraction: 'The fraction must be positive and at most 1',
      base: {
        quorum: 'Attendance can only be counted against all members, those expected or the village’s households',
        passing: 'A passing rule counts against those present, expected or all members',
        canvass: 'A canvass counts against the households asked or those reached',
      },
    },
  },
}
