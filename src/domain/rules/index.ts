// The one rule engine: the Rule type and schemas, the evaluator, who counts, and the rule in words.
export * from './rule'
export * from './evaluate'
export * from './headcount'
export * from './words'
export * from './sitting'
