import { createRouter, createWebHashHistory, type RouteComponent, type RouteRecordRaw } from 'vue-router'

/**
 * Each view folder declares its own routes in `views/<feature>/routes.ts`:
 * `routes` for top-level pages and `stepPanel` for its panel inside a
 * meeting page. Collected here so features never edit one shared list.
 */
interface FeatureRoutes {
  routes?: RouteRecordRaw[]
  /**
   * The panel of one step kind inside a meeting page. It is routed under the
   * folder's word (`/meetings/:id/agenda`, named `meeting-agenda`), so the
   * word table in views/README.md is also the URL.
   */
  stepPanel?: { step: string; component: () => Promise<RouteComponent> }
  /**
   * A panel one feature shows at the top of another step's panel, by step kind
   * (follow-up's carry-over opens every agenda). Attached here as the `opening`
   * view, so no feature folder imports another.
   */
  stepOpenings?: Record<string, () => Promise<RouteComponent>>
}
const features = import.meta.glob<FeatureRoutes>('./views/*/routes.ts', { eager: true })

const openings: Record<string, () => Promise<RouteComponent>> = Object.assign(
  {},
  ...Object.values(features).map((f) => f.stepOpenings ?? {}),
)
const meetingChildren = Object.entries(features).flatMap(([file, { stepPanel }]): RouteRecordRaw[] => {
  if (!stepPanel) return []
  const word = file.split('/')[2]!
  const { step, component } = stepPanel
  const route = { path: word, name: `meeting-${word}`, meta: { step } }
  const opening = openings[step]
  if (!opening) return [{ ...route, component, props: true }]
  return [{ ...route, components: { default: component, opening }, props: { default: true, opening: true } }]
})
const topLevel = Object.values(features).flatMap((f) => f.routes ?? [])

const routes: RouteRecordRaw[] = [
  { path: '/', redirect: '/meetings' },
  {
    path: '/projector',
    name: 'projector',
    component: () => import('./projector/ProjectorView.vue'),
    meta: { bare: true },
  },
  {
    path: '/meetings/:meetingId',
    component: () => import('./views/meetings/MeetingView.vue'),
    props: true,
    children: [
      { path: '', name: 'meeting', component: () => import('./views/meetings/MeetingOverview.vue'), props: true },
      ...meetingChildren,
    ],
  },
  ...topLevel,
]

// Hash history: works the same over app:// in Electron and over http in tests.
export const router = createRouter({ history: createWebHashHistory(), routes })

declare module 'vue-router' {
  interface RouteMeta {
    /** Shown in the side navigation: i18n key and order */
    nav?: { label: string; order: number }
    /** The step kind a meeting panel belongs to */
    step?: string
    /** Rendered without the console chrome (the projector) */
    bare?: boolean
    /** 'street': the street office's navigation; absent: the community's */
    mode?: 'street'
  }
}
