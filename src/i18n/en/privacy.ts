export default {
  nav: { privacy: 'Privacy & security' },
  privacy: {
    title: 'Privacy and security',
    lock: {
      title: 'Shangliang is locked',
      hint: 'Enter the app password to unlock.',
      password: 'Password',
      unlock: 'Unlock',
      wrong: 'Wrong password; {left} more tries before a delay',
      wait: 'Too many tries: wait {seconds} s',
      heading: 'App password',
      isOn: 'Set: the app opens locked and locks after {minutes} idle minutes.',
      isOff: 'Not set. With a password, residents’ details need it after start and after you step away.',
      newPassword: 'New password',
      confirm: 'Again',
      idle: 'Idle lock (minutes)',
      saveIdle: 'Save time',
      set: 'Set password',
      change: 'Change password',
      lockNow: 'Lock now',
      remove: 'Remove password',
      saved: 'Password saved; residents’ contact details are now encrypted (the password itself is not stored)',
      idleSaved: 'Idle time saved',
      removed: 'App password removed',
      tooShort: 'At least 6 characters',
      mismatch: 'The passwords differ',
      idleRange: 'Between 1 and 240 minutes',
      locked:
        'While locked, the key to residents’ contact details is gone from memory. Other records are not encrypted: full-disk encryption protects them.',
      forgot: 'Forgot the password? Use the recovery key',
      backToPassword: 'Unlock with the password',
      recoveryInput: 'Recovery key (25 characters)',
      recoveryWrong: 'Wrong recovery key; {left} more tries before a delay',
      plain:
        'Residents’ contact details (phone, address, ID number) are stored unencrypted in this laptop’s database, journal and backups. Set an app password to encrypt them, and turn on the operating system’s full-disk encryption.',
      legacy:
        'This password was set before contact details were encrypted: it only hides the screen, and phone, address and ID number are still stored in plain. Set the password once more (the same one will do) to encrypt them.',
      protects:
        'What the password protects: residents’ phone numbers, addresses and ID numbers are encrypted field by field in this laptop’s database, its journal and every backup made from now on (a key derived from the password with Argon2id, AES-256-GCM); the key is held in memory only while unlocked and is gone once the app locks or closes. What it does not protect: names, requests, minutes, votes, photos and everything else are stored in plain on this laptop, and the lock screen only hides them; local backups made before the password still hold contact details in plain. Turn on full-disk encryption (BitLocker on Windows, FileVault on macOS, LUKS on Linux) for the rest.',
      mustSet:
        'Unlocked with the recovery key. Set a new password now: the old recovery key then stops working and a new one is made.',
      unlockFirst: 'Unlock with the current password before changing it',
      busy: 'Contact details are being changed; try again in a moment',
      removeWarn:
        'Without a password, residents’ contact details will be stored in plain on this laptop (encrypted backups still restore here). Enter the current password to remove it:',
      recovery: {
        title: 'Recovery key: print or copy it now',
        explain:
          'If the password is forgotten, only this recovery key unlocks residents’ contact details. It is shown once and not stored. Print it and lock it away from the laptop.',
        print: 'Save the recovery key as PDF (to print)',
        kept: 'I have printed or copied the recovery key',
        close: 'Done',
      },
    },
    erase: {
      heading: 'Erase a resident’s contact details',
      explain:
        'For a resident who asks to have their details removed: deletes their phone, address and ID number at once. What it reaches: this database at once, the local journal (rewritten right away, keeping no old copy), and every later archive and backup; importing or restoring an older archive, or the automatic database repair, applies the erasure again, and the erasure log is never lost. Backups made before the erasure: Backup & verify lists those that still hold the person (on this laptop and the chosen USB folder) and rewrites them without, keeping their encryption; a backup under another password can be checked only after unlocking with that password. What it cannot reach: archives and USB sticks already handed out, and printed paper; those must be recovered or destroyed separately. Sealed records hold names and roles only and are not affected. Phone and ID numbers typed into free text (request descriptions, feedback, statements) are found at erasure and can be masked; text in a sealed meeting cannot be changed and stays as it is, to be masked by hand on paper.',
      foundText:
        'This person’s phone or ID number was found in {open} editable records (request descriptions, feedback, statements) and in {sealed} records of sealed meetings. Mask the number in the editable ones (e.g. 138****5678)? Sealed records are never changed.',
      mask: 'Mask, then erase',
      noMask: 'Erase contact details only',
      textResult:
        'Masked the number in {masked} records. {sealed} sealed records (statements, votes of sealed meetings) stay as they are and cannot be changed: mask them by hand on paper where needed and explain with a correction record.',
      person: 'Resident',
      actor: 'Done by',
      actorPlaceholder: 'e.g. grid worker Li Na',
      do: 'Erase contact details',
      confirm:
        'Erase all contact details of {name}? This cannot be undone. Backups made before still hold them: rewrite them under Backup & verify.',
      done: 'Contact details of {name} erased',
      nothing: '{name} has no contact details',
      pickFirst: 'Choose a resident first',
      actorRequired: 'Enter who does this',
      log: 'Erasure log',
      empty: 'No erasures yet',
      when: 'When',
      fields: 'Erased',
      field: { phone: 'Phone', address: 'Address', idNumber: 'ID number' },
    },
  },
}
