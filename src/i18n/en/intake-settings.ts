export default {
  settings: {
    channels: 'Request channels',
    categories: 'Request categories',
    handlingNames: 'Handling type names',
    handlingNamesHint:
      'The five types keep their meaning and time limits; give them your local names (Kenli: 即办件、待办件、上报件). Blank = the standard name. The names show on the ledger, the statistics and printed papers.',
    handlingMeanings: {
      immediate: 'Done at once',
      supplement: 'Done once material arrives',
      committed: 'Done by a committed date',
      suggestion: 'A suggestion, becomes a topic',
      escalate: 'Beyond local powers, escalated',
    },
    handlingDays: 'Time limits (working days)',
    handlingDaysHint: 'Due dates are computed from these; weekends and the holidays below are skipped.',
    holidays: 'Extra holidays',
    holidaysHint:
      'Official holidays and make-up days are built in; add only days for years not yet published, or local ones',
    workdays: 'Extra make-up working days',
    holidaysPlaceholder: 'Dates that are not working days',
  },
}
