/**
 * Something a person must fix, as an i18n key with parameters so the domain
 * stays free of UI code; views show it with `t(problem.key, problem.params)`.
 */
export interface Problem {
  key: string
  params?: Record<string, string | number>
}

export function problem(key: string, params?: Problem['params']): Problem {
  return params ? { key, params } : { key }
}

/** Thrown when a rule refuses an action; carries the problems to show. */
export class DomainError extends Error {
  constructor(readonly problems: Problem[]) {
    super(problems.map((p) => p.key).join(', '))
    this.name = 'DomainError'
  }
}
