import type { RouteRecordRaw } from 'vue-router'

export const meetingChildren: RouteRecordRaw[] = [
  {
    path: 'research',
    name: 'meeting-research',
    component: () => import('./ResearchPanel.vue'),
    props: true,
    meta: { step: 'research' },
  },
]
