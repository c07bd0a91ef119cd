import type { RouteRecordRaw } from 'vue-router'

export const routes: RouteRecordRaw[] = [
  {
    path: '/stats',
    name: 'stats',
    component: () => import('./StatsView.vue'),
    meta: { nav: { label: 'nav.stats', order: 50 } },
  },
]
