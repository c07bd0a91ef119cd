export default {
  projector: {
    defaultTitle: 'Consultation meeting',
    motto: 'Matters of the many are discussed by the many',
    agenda: 'Agenda',
    agendaPending: 'Agenda to be confirmed',
    minutes: '{n} min',
  },
}
