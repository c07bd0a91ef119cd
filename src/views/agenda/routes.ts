export const stepPanel = { step: 'confirm', component: () => import('./AgendaPanel.vue') }
