import { useRouter } from 'vue-router'
import type { ProcedureStep } from '@/domain/procedure'
import { useMeetingStore } from '@/stores/meeting'

/** Opens the panel of a step of the open meeting (the overview when the step has none). */
export function useOpenStep() {
  const router = useRouter()
  const store = useMeetingStore()
  return (step: ProcedureStep) => {
    const target = router.getRoutes().find((r) => r.meta.step === step.kind && r.name)
    const meetingId = store.meeting?.id
    if (!meetingId) return
    if (target?.name) void router.push({ name: target.name, params: { meetingId } })
    else void router.push({ name: 'meeting', params: { meetingId } })
  }
}
