// Reading the chain's links from their per-meeting batches (per-meeting.ts):
// a community's chain in order, its head, one meeting's links.
import Dexie from 'dexie'
import type { SealEntry } from '@/domain/seal'
import { db } from './schema'

const bySeq = (links: SealEntry[]) => links.sort((a, b) => a.seq - b.seq)

/** The community's whole chain, in order. */
export async function communityChain(communityId: string): Promise<SealEntry[]> {
  const batches = await db.sealBatches.where('communityId').equals(communityId).toArray()
  return bySeq(batches.flatMap((b) => b.links))
}

/** The chain's last link: the last of the batch that starts latest (batches never overlap). */
export async function chainHead(communityId: string): Promise<SealEntry | undefined> {
  const last = await db.sealBatches
    .where('[communityId+firstSeq]')
    .between([communityId, Dexie.minKey], [communityId, Dexie.maxKey])
    .last()
  return last?.links[last.links.length - 1]
}

/** One meeting's links (its sealing and any amendments), in order. */
export async function meetingLinks(meetingId: string): Promise<SealEntry[]> {
  return bySeq((await db.sealBatches.where('meetingId').equals(meetingId).toArray()).flatMap((b) => b.links))
}

/** Every community that has links. */
export async function chainCommunities(): Promise<string[]> {
  return (await db.sealBatches.orderBy('communityId').uniqueKeys()).map(String)
}
