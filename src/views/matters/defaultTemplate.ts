import type { Community } from '@/domain/community'
import { TEMPLATE_FIVE_ONE_TWO, TEMPLATE_FOUR_TWO } from '@/domain/template'

/** Villages default to 四议两公开, urban communities to 五议一备两公开. */
export function defaultTemplateId(c: Pick<Community, 'kind'> | undefined): string {
  return c?.kind === 'village' ? TEMPLATE_FOUR_TWO.id : TEMPLATE_FIVE_ONE_TWO.id
}
