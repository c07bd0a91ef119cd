import { ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { ElMessage } from 'element-plus'
import type { DocDef } from '@/pdf/layout'
import { usePdfSave } from '@/composables/usePdfSave'
import { saveFile, type SaveKind } from '@/platform'

/** Saves a document (PDF or other bytes) with a busy flag and a message either way. */
export function useSaveDocument() {
  const { t } = useI18n()
  const busy = ref(false)
  async function save(kind: SaveKind, make: () => Promise<Uint8Array>, name: string) {
    busy.value = true
    try {
      const outcome = await saveFile(kind, await make(), name)
      if (outcome.ok)
        ElMessage.success(
          t(outcome.downloaded ? 'common.downloadStarted' : 'common.savedAs', { name: outcome.fileName }),
        )
      else if (!outcome.canceled) ElMessage.error(t('common.saveFailed', { message: outcome.message ?? '' }))
    } catch (e) {
      ElMessage.error(t('common.saveFailed', { message: e instanceof Error ? e.message : String(e) }))
    } finally {
      busy.value = false
    }
  }
  // PDFs go through the shared saver, which warns about unprintable characters.
  const pdf = usePdfSave()
  async function savePdf(doc: () => DocDef | Promise<DocDef>, name: string) {
    busy.value = true
    try {
      await pdf.save(name, doc, name)
    } finally {
      busy.value = false
    }
  }
  return { busy, save, savePdf }
}
