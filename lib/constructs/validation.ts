import { Token } from './framework';

/**
 * Collects synth-time problems of one construct, each as
 * `<construct path>: <field>: <what is wrong and the fix>`, skipping unresolved tokens:
 * their values are only known to Terraform.
 */
export class ProblemList {
  private readonly problems: string[] = [];

  constructor(private readonly constructPath: string) {}

  /** Records `problem` for `field` unless `value` is a token; `check` returns undefined when fine. */
  check<T>(field: string, value: T | undefined, check: (value: T) => string | string[] | undefined): void {
    if (value === undefined || value === null || isUnresolved(value)) return;
    const found = check(value);
    for (const problem of typeof found === 'string' ? [found] : (found ?? [])) this.add(field, problem);
  }

  add(field: string, problem: string): void {
    this.problems.push(`${this.constructPath}: ${field}: ${problem}`);
  }

  toArray(): string[] {
    return [...this.problems];
  }
}

/** True when `value` (or, for a map, any of its keys or values) is an unresolved token. */
export function isUnresolved(value: unknown): boolean {
  if (typeof value === 'string' || typeof value === 'number') return Token.isUnresolved(value);
  if (value !== null && typeof value === 'object') return Token.isUnresolved(value);
  return false;
}

/** The entries of a map whose keys and values are both plain (resolved) strings. */
export function resolvedEntries(map: { readonly [key: string]: string }): { [key: string]: string } {
  return Object.fromEntries(Object.entries(map).filter(([key, value]) => !isUnresolved(key) && !isUnresolved(value)));
}
