import { ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { ElMessage, ElMessageBox } from 'element-plus'
import type { DocDef } from '@/pdf/layout'
import { renderPdf } from '@/pdf/render'
import { saveFile } from '@/platform'

/** 𠮷 → 𠮷（U+20BB7）: the code point tells which character it is when the screen font cannot show it either. */
const describeChar = (ch: string) => `${ch}（U+${ch.codePointAt(0)!.toString(16).toUpperCase()}）`

/**
 * Renders a document in the worker and saves it: a save dialog on the
 * desktop, a download in a browser. Characters the font cannot print are
 * listed before saving, so nobody finds blanks on the printed paper.
 */
export function usePdfSave() {
  const { t } = useI18n()
  /** The key of the document being rendered, for its button's spinner */
  const busy = ref<string>()

  async function save(key: string, build: () => Promise<DocDef> | DocDef, fileName: string): Promise<boolean> {
    if (busy.value) return false
    busy.value = key
    try {
      const rendered = await renderPdf(await build())
      if (rendered.missing.length > 0) {
        const go = await ElMessageBox.confirm(
          t('publication.docs.missing', { chars: rendered.missing.map(describeChar).join('、') }),
          t('publication.docs.missingTitle'),
          {
            type: 'warning',
            confirmButtonText: t('publication.docs.saveAnyway'),
            cancelButtonText: t('common.cancel'),
          },
        ).then(
          () => true,
          () => false,
        )
        if (!go) return false
      }
      const outcome = await saveFile('pdf', rendered.bytes, fileName)
      if (outcome.ok)
        ElMessage.success(
          t(outcome.downloaded ? 'common.downloadStarted' : 'common.savedAs', { name: outcome.fileName }),
        )
      else if (!outcome.canceled) ElMessage.error(t('common.saveFailed', { message: outcome.message ?? '' }))
      return outcome.ok
    } catch (e) {
      ElMessage.error(t('publication.docs.failed', { message: e instanceof Error ? e.message : String(e) }))
      return false
    } finally {
      busy.value = undefined
    }
  }

  return { busy, save }
}
