export const stepPanel = { step: 'publish', component: () => import('./PublicationView.vue') }
