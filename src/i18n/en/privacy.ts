export default {
  nav: { privacy: 'Privacy & security' },
  privacy: {
    title: 'Privacy and security',
    lock: {
      title: 'Shangliang is locked', hint: 'Enter the app password to unlock.', password: 'Password', unlock: 'Unlock',
      wrong: 'Wrong password; {left} more tries before a delay', wait: 'Too many tries: wait {seconds} s', heading: 'App password',
      isOn: 'Set: the app opens locked and locks after {minutes} idle minutes.', isOff: 'Not set. With a password, residents’ details need it after start and after you step away.',
      newPassword: 'New password', confirm: 'Again', idle: 'Idle lock (minutes)', saveIdle: 'Save time', set: 'Set password', change: 'Change password', lockNow: 'Lock now', remove: 'Remove password',
      removeConfirm: 'Enter the current password to remove it', saved: 'Password saved (only a salted hash is stored)', idleSaved: 'Idle time saved', removed: 'App password removed',
      tooShort: 'At least 6 characters', mismatch: 'The passwords differ', idleRange: 'Between 1 and 240 minutes',
    },
    erase: {
      heading: 'Erase a resident’s contact details', explain: 'When a resident asks: removes phone, address and ID number in one action; later archives and backups no longer hold them. Sealed records hold names and roles only.',
      person: 'Resident', actor: 'Done by', actorPlaceholder: 'e.g. grid worker Li Na', do: 'Erase contact details',
      confirm: 'Erase all contact details of {name}? This cannot be undone (older backups still hold them until rotated out).', done: 'Contact details of {name} erased', nothing: '{name} has no contact details',
      pickFirst: 'Choose a resident first', actorRequired: 'Enter who does this', log: 'Erasure log', empty: 'No erasures yet', when: 'When', fields: 'Erased',
      field: { phone: 'Phone', address: 'Address', idNumber: 'ID number' },
    },
  },
}
