// Run by backup-kill.test.ts in a child process (through jiti) and killed with
// SIGKILL at a random moment: it keeps replacing one target file with
// alternately archive A and B, and keeps writing rotated backups.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { writeFileAtomic } from '../../../electron/main/atomic'
import { BackupStore } from '../../../electron/main/backup/store'

const [dir, fileA, fileB] = process.argv.slice(2) as [string, string, string]
const a = new Uint8Array(await readFile(fileA))
const b = new Uint8Array(await readFile(fileB))
const store = new BackupStore(join(dir, 'rotated'), { keepLast: 3, keepDays: 1 })
process.stdout.write('ready\n')
for (let i = 0; ; i++) {
  await writeFileAtomic(join(dir, 'target.slarchive'), i % 2 ? b : a)
  await store.write(i % 2 ? b : a, 'interval', new Date(Date.UTC(2026, 10, 23, 0, 0, 0, i)))
}
