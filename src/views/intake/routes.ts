import type { RouteRecordRaw } from 'vue-router'

export const routes: RouteRecordRaw[] = [
  {
    path: '/ledger',
    name: 'ledger',
    component: () => import('./IntakeLedgerView.vue'),
    meta: { nav: { label: 'nav.ledger', order: 10 } },
  },
]
