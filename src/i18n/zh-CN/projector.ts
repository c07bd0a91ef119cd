export default {
  projector: {
    defaultTitle: '协商议事会',
    motto: '有事好商量，众人的事情由众人商量',
    agenda: '会议议程',
    agendaPending: '议程待定',
    minutes: '{n} 分钟',
  },
}
