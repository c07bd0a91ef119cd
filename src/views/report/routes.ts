import type { RouteRecordRaw } from 'vue-router'

export const routes: RouteRecordRaw[] = [
  {
    path: '/report',
    name: 'report',
    component: () => import('./ReportView.vue'),
    meta: { nav: { label: 'nav.report', order: 85 } },
  },
]
