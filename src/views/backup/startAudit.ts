// The audit at start: writes made to IndexedDB around Dexie (and so around
// the seal guard) show up here, before anyone relies on the records.
// Loaded after mount, so the check stays out of the start-up bundle.
import { ElMessageBox } from 'element-plus'
import type { Router } from 'vue-router'
import { auditAll } from '@/db/verify.repo'

type T = (key: string, params?: Record<string, unknown>) => string

export async function auditAtStart(t: T, router: Router): Promise<void> {
  const failures = await auditAll()
  const first = failures[0]
  if (!first || first.audit.ok) return
  const go = await ElMessageBox.confirm(
    t('backup.verify.startBody', {
      community: first.communityName ?? first.communityId,
      reason: t(`backup.verify.reasons.${first.audit.reason}`),
    }),
    t('backup.verify.startTitle'),
    { type: 'error', confirmButtonText: t('backup.verify.startOpen'), showCancelButton: false },
  ).catch(() => false)
  if (go) void router.push('/backup')
}
