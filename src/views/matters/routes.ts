import type { RouteRecordRaw } from 'vue-router'

export const routes: RouteRecordRaw[] = [
  {
    path: '/matters',
    name: 'matters',
    component: () => import('./MatterListView.vue'),
    meta: { nav: { label: 'nav.matters', order: 30 } },
  },
  { path: '/matters/:matterId', name: 'matter', component: () => import('./MatterView.vue'), props: true },
  {
    path: '/templates',
    name: 'templates',
    component: () => import('./TemplateListView.vue'),
    meta: { nav: { label: 'nav.templates', order: 70 } },
  },
  { path: '/templates/:templateId', name: 'template', component: () => import('./TemplateEditView.vue'), props: true },
]
