/**
 * Markdown pieces that render the same on GitHub and GitLab: inline code that survives pipes and
 * backticks inside table cells, and values shown without ever revealing a sensitive one.
 */
import type { PlannedValue } from './values';

/** Longest value shown in a table cell; plan values can be whole JSON documents. */
const MAX_VALUE_LENGTH = 120;

/** Inline code safe in a table cell: one line, pipes escaped, fence longer than any backtick run inside. */
export function code(text: string): string {
  let shown = text.replace(/\r?\n/g, '↵');
  if (shown.length > MAX_VALUE_LENGTH) shown = `${shown.slice(0, MAX_VALUE_LENGTH - 1)}…`;
  shown = shown.replace(/\|/g, '\\|');
  const longestRun = Math.max(0, ...(shown.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longestRun + 1);
  const pad = shown.startsWith('`') || shown.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${shown}${pad}${fence}`;
}

export const UNKNOWN_TEXT = '_(known after apply)_';
export const SENSITIVE_TEXT = '_(sensitive)_';
export const NONE_TEXT = '_(none)_';

/** A planned value for a reviewer: sensitive values are never shown, whatever they are. */
export function formatValue(value: PlannedValue): string {
  if (value.sensitive) return value.known ? SENSITIVE_TEXT : '_(sensitive, known after apply)_';
  if (!value.known) return UNKNOWN_TEXT;
  if (value.value === null) return NONE_TEXT;
  return code(typeof value.value === 'string' ? value.value : JSON.stringify(value.value));
}

/** Plain text for a table cell or list item: one line, pipes escaped. */
export function cell(text: string): string {
  return text.replace(/\r?\n/g, ' ').replace(/\|/g, '\\|');
}

export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |\n`;
  return line(header) + line(header.map(() => '---')) + rows.map(line).join('');
}

/** Collapsible part; the blank line after `<summary>` makes both GitHub and GitLab render the Markdown inside. */
export function details(summary: string, body: string): string {
  return `<details><summary>${summary}</summary>\n\n${body}\n</details>\n`;
}

export function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? singular : plural}`;
}
