// The audit at start: writes made to IndexedDB around Dexie (and so around
// the seal guard) show up here, before anyone relies on the records. A
// notification that stays until closed, not a modal: the secretary can still
// work (exports and backups are refused meanwhile, with the same reason).
// Loaded after mount, so the check stays out of the start-up bundle.
import { ElNotification } from 'element-plus'
import type { Router } from 'vue-router'
import { auditAll } from '@/db/verify.repo'

type T = (key: string, params?: Record<string, unknown>) => string

export async function auditAtStart(t: T, router: Router): Promise<void> {
  const failures = await auditAll()
  const first = failures[0]
  if (!first || first.audit.ok) return
  const note = ElNotification({
    type: 'error',
    title: t('backup.verify.startTitle'),
    message: t('backup.verify.startBody', {
      community: first.communityName ?? first.communityId,
      reason: t(`backup.verify.reasons.${first.audit.reason}`),
    }),
    duration: 0,
    customClass: 'start-audit',
    onClick: () => {
      note.close()
      void router.push('/backup')
    },
  })
}
