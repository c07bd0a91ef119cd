import type { RouteRecordRaw } from 'vue-router'

export const routes: RouteRecordRaw[] = [
  {
    path: '/roster',
    name: 'roster',
    component: () => import('./RosterView.vue'),
    meta: { nav: { label: 'nav.roster', order: 80 } },
  },
]
