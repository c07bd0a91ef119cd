import type { RouteRecordRaw } from 'vue-router'

export const meetingChildren: RouteRecordRaw[] = [
  {
    path: 'publication',
    name: 'meeting-publication',
    component: () => import('./PublicationView.vue'),
    props: true,
    meta: { step: 'publish' },
  },
]
