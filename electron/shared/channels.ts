// IPC channel names and the result shapes shared by main and preload.
// No imports: the sandboxed preload bundles this file as is.
export const CHANNELS = {
  saveFile: 'file:save',
  openProjector: 'projector:open',
  closeProjector: 'projector:close',
  projectorClosed: 'projector:closed',
} as const

export type SaveKind = 'pdf' | 'xlsx' | 'csv' | 'archive'

/** What a save returns to the renderer: never the full path, only the file name. */
export type SaveResult = { ok: true; fileName: string } | { ok: false; reason: 'canceled' | 'failed'; message?: string }
