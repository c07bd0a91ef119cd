import type { RouteRecordRaw } from 'vue-router'

export const routes: RouteRecordRaw[] = [
  {
    path: '/settings',
    name: 'settings',
    component: () => import('./SettingsView.vue'),
    meta: { nav: { label: 'nav.settings', order: 90 } },
  },
  { path: '/settings/roles', name: 'settings-roles', component: () => import('./SettingsRolesView.vue') },
]
