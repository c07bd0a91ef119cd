import type { RouteRecordRaw } from 'vue-router'

export const routes: RouteRecordRaw[] = [
  {
    path: '/bodies',
    name: 'bodies',
    component: () => import('./BodiesView.vue'),
    meta: { nav: { label: 'nav.bodies', order: 70 } },
  },
]
