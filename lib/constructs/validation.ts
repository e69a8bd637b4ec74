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

/** True when `value` itself is an unresolved token (for a map: the whole map; see resolvedEntries for its entries). */
export function isUnresolved(value: unknown): boolean {
  return value !== null && (typeof value === 'string' || typeof value === 'number' || typeof value === 'object') && Token.isUnresolved(value);
}

/** The entries of a map whose keys and values are both plain (resolved) strings. */
export function resolvedEntries(map: { readonly [key: string]: string }): { [key: string]: string } {
  return Object.fromEntries(Object.entries(map).filter(([key, value]) => !isUnresolved(key) && !isUnresolved(value)));
}
