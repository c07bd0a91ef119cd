export default {
  settings: {
    title: 'Community settings',
    welcome:
      'Welcome to Shangliang. Start with your community’s (or village’s) details; then import the roster and plan meetings.',
    name: 'Community / village name',
    kind: 'Kind',
    kinds: { community: 'Urban community', village: 'Village' },
    partyOrg: 'Party organisation',
    superior: 'Street office / township',
    defaultChair: 'Default chair',
    defaultRecorder: 'Default recorder',
    rolePreset: 'Role preset',
    noticePeriod: 'Default notice period (days)',
    deliberationDay: 'Monthly deliberation day',
    saved: 'Settings saved',
    pickPerson: 'Pick from the roster',
    namePlaceholder: 'e.g. Xinhua Road Community',
    partyOrgPlaceholder: 'e.g. Party Committee of Xinhua Road Community',
    superiorPlaceholder: 'e.g. Xinhua Road Street Office',
  },
}
