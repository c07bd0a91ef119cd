export default {
  settings: {
    channels: '民情收集渠道',
    categories: '民情类别',
    handlingDays: '办理时限（工作日）',
    handlingDaysHint: '登记民情时按办理类型自动计算办结时限，周末和下方的节假日不计。',
    holidays: '法定节假日',
    holidaysPlaceholder: '选择不计入工作日的日期',
  },
}
