// Pure checks every IPC handler runs before doing anything.
import type { z } from 'zod'
import { isAppUrl } from './origin'

export interface SenderLike {
  /** webContents id of the sender */
  id: number
  /** URL of the frame that sent the message */
  frameUrl: string | undefined
}

/** A message is trusted only from one of our own windows showing our own origin. */
export function isTrustedSender(sender: SenderLike, ownWebContentsIds: ReadonlySet<number>): boolean {
  return ownWebContentsIds.has(sender.id) && typeof sender.frameUrl === 'string' && isAppUrl(sender.frameUrl)
}

export class IpcRejected extends Error {}

/** Throws IpcRejected for a foreign sender or a payload the schema refuses. */
export function checkMessage<S extends z.ZodType>(
  sender: SenderLike,
  ownIds: ReadonlySet<number>,
  schema: S,
  payload: unknown,
): z.infer<S> {
  if (!isTrustedSender(sender, ownIds)) throw new IpcRejected('untrusted sender')
  const parsed = schema.safeParse(payload)
  if (!parsed.success) throw new IpcRejected('invalid payload')
  return parsed.data
}
