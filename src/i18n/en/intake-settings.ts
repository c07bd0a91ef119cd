export default {
  settings: {
    channels: 'Request channels',
    categories: 'Request categories',
    handlingDays: 'Time limits (working days)',
    handlingDaysHint: 'Due dates are computed from these; weekends and the holidays below are skipped.',
    holidays: 'Extra holidays',
    holidaysHint:
      'Official holidays and make-up days are built in; add only days for years not yet published, or local ones',
    workdays: 'Extra make-up working days',
    holidaysPlaceholder: 'Dates that are not working days',
  },
}
