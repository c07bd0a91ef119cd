import type { RouteRecordRaw } from 'vue-router'

export const meetingChildren: RouteRecordRaw[] = [
  {
    path: 'deliberation',
    name: 'meeting-deliberation',
    component: () => import('./DeliberationView.vue'),
    props: true,
    meta: { step: 'deliberate' },
  },
]
