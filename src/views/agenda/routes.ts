import type { RouteRecordRaw } from 'vue-router'

export const meetingChildren: RouteRecordRaw[] = [
  {
    path: 'agenda',
    name: 'meeting-agenda',
    component: () => import('./AgendaPanel.vue'),
    props: true,
    meta: { step: 'confirm' },
  },
]
