export default {
  settings: {
    channels: '民情收集渠道',
    categories: '民情类别',
    handlingNames: '办理类型名称',
    handlingNamesHint:
      '五种办理类型的含义和时限规则不变，名称可改为本地叫法（如垦利：即办件、待办件、上报件）；留空用标准名称。名称用于台账、统计和打印材料。',
    handlingMeanings: {
      immediate: '当场办结',
      supplement: '补齐材料后办',
      committed: '承诺时限内办',
      suggestion: '建议，转为议题',
      escalate: '超出权限，上报',
    },
    handlingDays: '办理时限（工作日）',
    handlingDaysHint: '登记民情时按办理类型自动计算办结时限，周末和下方的节假日不计。',
    holidays: '另加节假日',
    holidaysHint: '国家法定节假日和调休已内置；只需补充尚未公布年份的放假日期或本地放假日',
    workdays: '另加调休上班日',
    holidaysPlaceholder: '选择不计入工作日的日期',
  },
}
