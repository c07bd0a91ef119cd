// Uses one of the two exports of rules.ts: knip must report the other.
import { used } from './rules'

console.log(used())
