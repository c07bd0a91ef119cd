import { onBeforeUnmount, onMounted, watch } from 'vue'
import { useI18n } from 'vue-i18n'
import { useRouter, type Router } from 'vue-router'
import { ElMessage, ElMessageBox } from 'element-plus'

const PREFIX = 'shangliang.draft.'

/** A draft kept on this machine while it is typed, so a click on the menu never loses it. */
function loadDraft<T>(key: string): T | undefined {
  try {
    const raw = localStorage.getItem(PREFIX + key)
    return raw ? (JSON.parse(raw) as T) : undefined
  } catch {
    return undefined
  }
}

function dropDraft(key: string): void {
  localStorage.removeItem(PREFIX + key)
}

/** The forms on screen that hold unsaved text: one question on leaving, however many there are. */
const unsaved = new Set<() => boolean>()
const anyUnsaved = () => [...unsaved].some((dirty) => dirty())
const guarded = new WeakSet<Router>()
let ask: () => Promise<boolean> = async () => true

function onUnload(e: BeforeUnloadEvent) {
  // Closing the window or reloading: the browser asks (its own words; the draft is kept anyway).
  if (anyUnsaved()) e.preventDefault()
}

function guard(router: Router) {
  if (guarded.has(router)) return
  guarded.add(router)
  router.beforeEach(async () => (anyUnsaved() ? ask() : true))
  window.addEventListener('beforeunload', onUnload)
}

/**
 * Keeps a form's typed content as a draft under `key` while it differs from
 * what is saved (`saved` gives that in the form's shape), restores it on
 * return, and asks before the user leaves with it unsaved (any navigation, or
 * closing the window). `restore()` fills the form from the draft, else from
 * what is saved; call it whenever the saved value changes. `forget()` drops the
 * draft once the form is stored. `active` says when the form can be edited
 * at all (not once sealed).
 */
export function useDraft<T extends object>(
  key: () => string,
  form: T,
  saved: () => T,
  active: () => boolean = () => true,
) {
  const { t } = useI18n()
  const router = useRouter()
  const dirty = () => active() && JSON.stringify(form) !== JSON.stringify(saved())
  let told = false

  function restore() {
    const draft = loadDraft<T>(key())
    Object.assign(form, draft ?? saved())
    if (draft && !told) {
      told = true
      ElMessage.info(t('common.draft.restored'))
    }
  }

  watch(
    () => JSON.stringify(form),
    () => {
      if (dirty()) localStorage.setItem(PREFIX + key(), JSON.stringify(form))
      else dropDraft(key())
    },
  )

  ask = () =>
    ElMessageBox.confirm(t('common.draft.leave'), t('common.draft.leaveTitle'), {
      type: 'warning',
      confirmButtonText: t('common.draft.leaveOk'),
      cancelButtonText: t('common.draft.stay'),
    })
      .then(() => true)
      .catch(() => false)
  onMounted(() => {
    unsaved.add(dirty)
    guard(router)
  })
  onBeforeUnmount(() => unsaved.delete(dirty))

  return { dirty, restore, forget: () => dropDraft(key()) }
}
