export default {
  settings: {
    channels: '民情收集渠道',
    categories: '民情类别',
    handlingDays: '办理时限（工作日）',
    handlingDaysHint: '登记民情时按办理类型自动计算办结时限，周末和下方的节假日不计。',
    holidays: '另加节假日',
    holidaysHint: '国家法定节假日和调休已内置；只需补充尚未公布年份的放假日期或本地放假日',
    workdays: '另加调休上班日',
    holidaysPlaceholder: '选择不计入工作日的日期',
  },
}
