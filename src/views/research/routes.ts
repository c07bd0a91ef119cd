export const stepPanel = { step: 'research', component: () => import('./ResearchPanel.vue') }
