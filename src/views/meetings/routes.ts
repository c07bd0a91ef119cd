import type { RouteRecordRaw } from 'vue-router'

export const routes: RouteRecordRaw[] = [
  {
    path: '/meetings',
    name: 'meetings',
    component: () => import('./MeetingListView.vue'),
    meta: { nav: { label: 'nav.meetings', order: 20 } },
  },
]
