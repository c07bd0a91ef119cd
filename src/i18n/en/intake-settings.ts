export default {
  settings: {
    channels: 'Request channels',
    categories: 'Request categories',
    handlingDays: 'Time limits (working days)',
    handlingDaysHint: 'Due dates are computed from these; weekends and the holidays below are skipped.',
    holidays: 'Public holidays',
    holidaysPlaceholder: 'Dates that are not working days',
  },
}
