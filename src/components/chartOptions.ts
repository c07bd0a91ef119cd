/** Grouped bars, one group per category, legend on top; labels slant when there are more than `slantAbove`. */
export function barOption(categories: string[], series: { name: string; data: number[] }[], slantAbove: number) {
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0, data: series.map((s) => s.name) },
    grid: { left: 8, right: 8, bottom: 8, top: 36, containLabel: true },
    xAxis: {
      type: 'category',
      data: categories,
      axisLabel: { interval: 0, rotate: categories.length > slantAbove ? 30 : 0 },
    },
    yAxis: { type: 'value', minInterval: 1 },
    series: series.map((s) => ({ ...s, type: 'bar' })),
  }
}
