import type { RouteRecordRaw } from 'vue-router'

export const routes: RouteRecordRaw[] = [
  {
    path: '/followup',
    name: 'followup',
    component: () => import('./FollowupBoardView.vue'),
    meta: { nav: { label: 'nav.followup', order: 40 } },
  },
]

export const stepOpenings = {
  // 上次议定事项落实情况 opens every agenda (step 6 carries unfinished items over).
  confirm: () => import('./FollowupCarryOver.vue'),
}

export const stepPanel = { step: 'implement', component: () => import('./FollowupMeetingPanel.vue') }
