export const stepPanel = { step: 'deliberate', component: () => import('./DeliberationView.vue') }
