import { computed, ref, watch, type Ref, type WatchSource } from 'vue'

/**
 * One page of a long list (years of requests, meetings, items, people).
 * Back to the first page when the filter changes; when the list shrinks
 * under the current page (a live update), the last page that exists.
 */
export function usePaged<T>(rows: () => T[], size: number, resetOn: (WatchSource | object)[] = []) {
  const page = ref(1)
  if (resetOn.length > 0) watch(resetOn, () => (page.value = 1), { deep: true })
  watch(
    () => rows().length,
    (n) => {
      const last = Math.max(1, Math.ceil(n / size))
      if (page.value > last) page.value = last
    },
  )
  const pageRows = computed(() => rows().slice((page.value - 1) * size, page.value * size))
  return { page: page as Ref<number>, pageRows, pageSize: size }
}
