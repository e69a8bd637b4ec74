/**
 * Reads every page of an OOS List action: NextToken in, NextToken out, until the server sends
 * none (or one it sent before, or too many pages).
 */
import type { AnswerObject } from './answers';
import type { CallOptions } from './deadlines';
import type { QueryInput } from './transport';

/** Page size sent to List APIs (OOS accepts 10–100). */
export const PAGE_SIZE = 100;
/** Stops a server that keeps returning a NextToken from looping forever. */
const MAX_PAGES = 1000;

/** Makes one call of `action` and decodes its answer (CallRunner.run). */
export type PageCall = <T>(action: string, query: QueryInput, options: CallOptions, read: (answer: AnswerObject) => T) => Promise<T>;

/** The items of every page, in order; each page is a call of its own under the same options. */
export async function collectPages<T>(
  call: PageCall,
  action: string,
  query: QueryInput,
  options: CallOptions,
  items: (answer: AnswerObject) => T[],
): Promise<T[]> {
  const out: T[] = [];
  const seen = new Set<string>();
  let nextToken: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const [pageItems, token] = await call(action, { ...query, NextToken: nextToken }, options, (answer) => {
      return [items(answer), answer.optionalString('NextToken')] as const;
    });
    out.push(...pageItems);
    nextToken = token || undefined;
    if (!nextToken || seen.has(nextToken)) break;
    seen.add(nextToken);
  }
  return out;
}
