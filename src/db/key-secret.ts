// The one place that decides what the private key is wrapped under: the app
// password. When an app password is set (privacy.repo.ts) the typed password
// must be it — a wrong one counts as a failed unlock try; with no app password
// yet, the password typed at key setup becomes the key's password. When the
// app password changes, key-rewrap.ts moves the stored keys to the new one.
import { DomainError, problem } from '@/domain/problem'
import { getLock, tryUnlock } from './privacy.repo'

export async function keySecret(password: string): Promise<string> {
  if (password.length < 6) throw new DomainError([problem('privacy.lock.tooShort')])
  if ((await getLock()) && !(await tryUnlock(password)).ok)
    throw new DomainError([problem('street.keys.wrongPassword')])
  return password
}
