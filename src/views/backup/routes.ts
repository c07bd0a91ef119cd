import type { RouteRecordRaw } from 'vue-router'

export const routes: RouteRecordRaw[] = [
  {
    path: '/backup',
    name: 'backup',
    component: () => import('./BackupView.vue'),
    meta: { nav: { label: 'nav.backup', order: 85 } },
  },
]
