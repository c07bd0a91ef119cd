import type { RouteRecordRaw } from 'vue-router'

// The street office's own navigation (meta.mode 'street'): shown instead of
// the community's six steps on a laptop set up as a street office.
export const routes: RouteRecordRaw[] = [
  {
    path: '/street/communities',
    name: 'streetCommunities',
    component: () => import('./StreetCommunitiesView.vue'),
    meta: { nav: { label: 'nav.streetCommunities', order: 10 }, mode: 'street' },
  },
  {
    path: '/street/communities/:communityId',
    name: 'streetCommunity',
    component: () => import('./StreetCommunityView.vue'),
    props: true,
    meta: { mode: 'street' },
  },
  {
    path: '/street/filings',
    name: 'streetFilings',
    component: () => import('./StreetFilingsView.vue'),
    meta: { nav: { label: 'nav.streetFilings', order: 20 }, mode: 'street' },
  },
  {
    path: '/street/escalations',
    name: 'streetEscalations',
    component: () => import('./StreetEscalationsView.vue'),
    meta: { nav: { label: 'nav.streetEscalations', order: 30 }, mode: 'street' },
  },
  {
    path: '/street/stats',
    name: 'streetStats',
    component: () => import('./StreetStatsView.vue'),
    meta: { nav: { label: 'nav.streetStats', order: 40 }, mode: 'street' },
  },
  {
    path: '/street/packages',
    name: 'streetPackages',
    component: () => import('./StreetPackagesView.vue'),
    meta: { nav: { label: 'nav.streetPackages', order: 50 }, mode: 'street' },
  },
  {
    path: '/street/settings',
    name: 'streetSettings',
    component: () => import('./StreetSettingsView.vue'),
    meta: { nav: { label: 'nav.streetSettings', order: 90 }, mode: 'street' },
  },
]
