import type { RouteRecordRaw } from 'vue-router'

export const routes: RouteRecordRaw[] = [
  {
    path: '/privacy',
    name: 'privacy',
    component: () => import('./PrivacyView.vue'),
    meta: { nav: { label: 'nav.privacy', order: 88 } },
  },
]
