/**
 * summary.md: what a reviewer reads in the pull request before approving an apply. Riskiest first
 * (policy results, replacements, destroys), every change of a chat configuration field by field,
 * never a secret, and always within a PR comment's size: items that do not fit are counted, and
 * whole lines are dropped, never cut.
 */
import { CHAT_CONFIGURATION_RESOURCE } from '../domain';
import { ChatConfigurationChange, chatConfigurationChange, looksLikeSecretKey } from './chat-configuration';
import { code, count, cell, details, formatValue, table, SENSITIVE_TEXT } from './markdown';
import { ChangeKind, isChange, OutputChange, PlanView, ResourceChange } from './plan';
import { blockingViolations, policyNames, PolicyReport, Violation } from './policy';
import { afterValue, beforeValue, FieldChange, fieldChanges, PlannedValue, Step } from './values';

/** GitHub's limit for an issue or pull request comment body, in characters. */
export const PR_COMMENT_LIMIT = 65_536;

export interface SummaryOptions {
  /** Stack name for the title. */
  readonly stack?: string;
  /** Policy results to show; without them the summary says policies were not evaluated. */
  readonly policy?: PolicyReport;
  /** What the stack targets, as Markdown, e.g. from describeTarget(planTarget(plan)). @default not shown */
  readonly target?: string;
  /** The commit that was planned (`git rev-parse HEAD`). @default not shown */
  readonly commit?: string;
  /**
   * Longest summary, in UTF-16 code units (what GitHub counts). Leaves room for a CI wrapper's own
   * header under the 65,536 limit. @default 60000
   */
  readonly maxLength?: number;
  /** Most resource items shown in detail; the rest are counted. @default 100 */
  readonly maxItems?: number;
}

const ORDER: readonly ChangeKind[] = ['replace', 'delete', 'update', 'create', 'forget'];
const VERB: { readonly [kind in ChangeKind]: string } = {
  create: '➕ Create',
  update: '✏️ Update in place',
  replace: '♻️ Replace',
  delete: '🗑️ Destroy',
  forget: '📤 Forget (remove from state, keep the object)',
  read: '📖 Read',
  'no-op': 'No change',
};
/** Fields left out of per-field diffs: they change on every apply or mirror another field. */
const NOISE: ReadonlySet<string> = new Set(['id', 'created_date', 'updated_date', 'client_secret_wo']);
const SECRET_VERSIONS: readonly { readonly field: string; readonly via: (item: ChatConfigurationChange) => string }[] = [
  { field: 'client_secret_wo_version', via: () => 'write-only `client_secret_wo`' },
  {
    field: 'client_secret_parameter_version',
    via: (item) => `secret parameter ${item.after?.client_secret_parameter ? code(item.after.client_secret_parameter) : ''}`.trim(),
  },
];
const REASONS: { readonly [reason: string]: string } = {
  replace_because_cannot_update: 'the provider cannot update it in place',
  replace_because_tainted: 'it is tainted (an earlier apply failed part way)',
  replace_by_request: 'replacement was requested (`-replace`)',
  replace_by_triggers: '`replace_triggered_by` fired',
  delete_because_no_resource_config: 'it was removed from the configuration',
  delete_because_no_module: 'its module was removed from the configuration',
  delete_because_wrong_repetition: 'count/for_each was added or removed',
  delete_because_count_index: 'its count index is out of range now',
  delete_because_each_key: 'its for_each key is gone',
  delete_because_no_move_target: 'its `moved` target does not exist',
};

/**
 * Terraform's own count, as `terraform plan` prints it: a replacement counts once in "to add" and
 * once in "to destroy". "Plan: 5 to import, 0 to add, 5 to change, 0 to destroy.", or "No changes."
 */
export function terraformPlanLine(plan: PlanView): string {
  const changes = plan.resourceChanges.filter((change) => change.mode === 'managed');
  if (!hasAnyChange(plan)) return 'No changes.';
  const n = (kind: ChangeKind) => changes.filter((change) => change.kind === kind).length;
  const imports = changes.filter((change) => change.importing).length;
  const parts = [
    ...(imports > 0 ? [`${imports} to import`] : []),
    `${n('create') + n('replace')} to add`,
    `${n('update')} to change`,
    `${n('delete') + n('replace')} to destroy`,
    ...(n('forget') > 0 ? [`${n('forget')} to forget`] : []),
  ];
  return `Plan: ${parts.join(', ')}.`;
}

/** The same changes by kind, replacements apart: "1 to create, 2 to update in place, 1 to replace, 1 to destroy". */
export function changeBreakdown(plan: PlanView): string {
  const changes = plan.resourceChanges.filter((change) => change.mode === 'managed');
  const n = (kind: ChangeKind) => changes.filter((change) => change.kind === kind).length;
  const outputs = plan.outputChanges.filter((change) => isChange(change.kind)).length;
  const parts = [`${n('create')} to create`, `${n('update')} to update in place`, `${n('replace')} to replace`, `${n('delete')} to destroy`];
  const extras = [
    [changes.filter((change) => change.importing).length, 'to import'],
    [n('forget'), 'to forget'],
  ] as const;
  parts.push(...extras.filter(([number]) => number > 0).map(([number, label]) => `${number} ${label}`));
  if (outputs > 0) parts.push(count(outputs, 'output change'));
  return parts.join(', ');
}

/** Terraform's line, then the breakdown by kind: the one line for a job log. */
export function headline(plan: PlanView): string {
  return hasAnyChange(plan) ? `${terraformPlanLine(plan)} By kind: ${changeBreakdown(plan)}.` : 'No changes.';
}

function hasAnyChange(plan: PlanView): boolean {
  const resources = plan.resourceChanges.filter((change) => change.mode === 'managed' && isChange(change.kind)).length;
  return resources + plan.outputChanges.filter((change) => isChange(change.kind)).length > 0;
}

interface Section {
  readonly heading: string;
  /** Printed once before the first item that fits, e.g. a table header. */
  readonly header?: string;
  readonly items: readonly { readonly kind: string; readonly text: string }[];
  /** Items here do not count against maxItems (policy results and outputs are always wanted). */
  readonly unlimited?: boolean;
  /** Largest part of maxLength the section's items may take, so one long section cannot starve the others. @default 1 */
  readonly share?: number;
}

/** Renders summary.md; see SummaryOptions for the size limits. */
export function renderSummary(plan: PlanView, options: SummaryOptions = {}): string {
  const maxLength = Math.min(options.maxLength ?? 60_000, PR_COMMENT_LIMIT - 1);
  const title = `## Terraform plan${options.stack ? ` for ${code(options.stack)}` : ''}\n\n${counts(plan)}${provenance(plan, options)}`;
  const alerts = replacementAlert(plan);
  const sections = [policySection(options.policy), ...resourceSections(plan), outputSection(plan)].filter((section): section is Section => !!section);
  return fit(title + alerts, sections, maxLength, options.maxItems ?? 100);
}

/** Terraform's count beside the breakdown by kind, so neither reader has to translate. */
function counts(plan: PlanView): string {
  if (!hasAnyChange(plan)) return '**No changes.**\n';
  return table(['Terraform counts', 'By kind (a replace is one add and one destroy)'], [[`**${terraformPlanLine(plan)}**`, changeBreakdown(plan)]]);
}

/** What was planned against what: the stack's target, the commit and the Terraform version. */
function provenance(plan: PlanView, options: SummaryOptions): string {
  const parts = [
    ...(options.target ? [`**Target:** ${options.target}`] : []),
    ...(options.commit ? [`**Commit:** ${code(options.commit)}`] : []),
    `**Terraform:** ${code(plan.terraformVersion)}`,
  ];
  return `\n${parts.join(' · ')}\n`;
}

function fit(head: string, sections: readonly Section[], maxLength: number, maxItems: number): string {
  const omissionNote = (omitted: number, kinds: string) => `\n_…and ${count(omitted, 'more item')} not shown (${kinds}): see the plan JSON artefact._\n`;
  const sizeOf = (section: Section) => section.items.reduce((sum, item) => sum + item.text.length, section.header?.length ?? 0);
  const allowance = (section: Section) => Math.min(sizeOf(section), Math.floor((section.share ?? 1) * maxLength));
  // Room for every section's omission note, so whatever is dropped can always be counted.
  const reserve = sections.reduce((sum, section) => sum + section.heading.length + omissionNote(10 ** 9, ORDER.join(', ')).length + 8, 0);
  let used = head.length + reserve;
  let shownItems = 0;
  const parts = [head];
  sections.forEach((section, index) => {
    // Later sections keep their allowance, so the first section cannot take all the room.
    const laterAllowance = sections.slice(index + 1).reduce((sum, later) => sum + allowance(later), 0);
    const limit = Math.min(maxLength - laterAllowance, used + allowance(section));
    const shown: string[] = [];
    const omitted = new Map<string, number>();
    for (const item of section.items) {
      const cost = item.text.length + (shown.length === 0 ? (section.header?.length ?? 0) : 0);
      const withinCount = section.unlimited || shownItems < maxItems;
      if (omitted.size === 0 && withinCount && used + cost <= limit) {
        shown.push(item.text);
        used += cost;
        if (!section.unlimited) shownItems += 1;
      } else {
        omitted.set(item.kind, (omitted.get(item.kind) ?? 0) + 1);
      }
    }
    const omittedTotal = [...omitted.values()].reduce((sum, n) => sum + n, 0);
    const kinds = [...omitted].map(([kind, n]) => `${n.toLocaleString('en-US')} ${kind}`).join(', ');
    const body = (shown.length > 0 ? (section.header ?? '') + shown.join('') : '') + (omittedTotal > 0 ? omissionNote(omittedTotal, kinds) : '');
    parts.push(`\n${section.heading}\n\n${body}`);
  });
  return parts.join('');
}

function replacementAlert(plan: PlanView): string {
  const replaced = botChanges(plan).filter((item) => item.kind === 'replace');
  if (replaced.length === 0) return '';
  const names = replaced.slice(0, 10).map((item) => code(item.name));
  const more = replaced.length > 10 ? ` and ${replaced.length - 10} more` : '';
  return `\n> ⚠️ **${count(replaced.length, 'chat configuration is', 'chat configurations are')} replaced** (${names.join(', ')}${more}): each gets a new webhook URL that must be registered again in DingTalk/WeChat after apply. ${replacementOrder(replaced[0].change)}\n`;
}

function policySection(report: PolicyReport | undefined): Section {
  const heading = '### Policy results';
  if (!report) return { heading, items: [{ kind: 'note', text: '_Policies were not evaluated for this plan._\n' }], unlimited: true };
  const blocking = blockingViolations(report).length;
  const warnings = report.violations.length - blocking;
  const names = policyNames(report);
  const evaluated = count(report.evaluated, 'policy', 'policies') + (names && names.length > 0 ? ` (${names.map(code).join(', ')})` : '');
  if (report.violations.length === 0) return { heading, items: [{ kind: 'verdict', text: `✅ ${evaluated} evaluated, no violation.\n` }], unlimited: true };
  const verdict = blocking > 0 ? `❌ **${count(blocking, 'violation')} block${blocking === 1 ? 's' : ''} this plan**` : '✅ No blocking violation';
  const warningNote = warnings > 0 ? `, ⚠️ ${count(warnings, 'warning')} (not blocking)` : '';
  return {
    heading,
    header: `${verdict}${warningNote}; ${evaluated} evaluated.\n\n${table(['', 'Rule', 'Stack', 'Configuration', 'Problem', 'Fix'], [])}`,
    items: report.violations.map((item) => ({ kind: item.severity, text: violationRow(item) })),
    unlimited: true,
    share: 1 / 3,
  };
}

function violationRow(item: Violation): string {
  const subject = item.configurationName ? `${code(item.configurationName)} (${code(item.address)})` : code(item.address);
  return row([item.severity === 'error' ? '❌' : '⚠️', code(item.rule), code(item.stack), subject, cell(item.message), cell(item.fix)]);
}

function botChanges(plan: PlanView): ChatConfigurationChange[] {
  return ordered(plan.resourceChanges.filter((change) => change.mode === 'managed' && change.type === CHAT_CONFIGURATION_RESOURCE)).map(
    chatConfigurationChange,
  );
}

function ordered(changes: readonly ResourceChange[]): ResourceChange[] {
  return ORDER.flatMap((kind) => changes.filter((change) => change.kind === kind));
}

function resourceSections(plan: PlanView): Section[] {
  const bots = botChanges(plan);
  const others = ordered(plan.resourceChanges.filter((change) => change.mode === 'managed' && change.type !== CHAT_CONFIGURATION_RESOURCE));
  const sections: Section[] = [];
  if (bots.length > 0) sections.push({ heading: '### Chat configurations', items: bots.map((item) => ({ kind: item.kind, text: botBlock(item) })) });
  if (others.length > 0) {
    sections.push({
      heading: '### Other resources',
      header: table(['Action', 'Address', 'Why'], []),
      items: others.map((change) => ({ kind: change.kind, text: row([VERB[change.kind], code(change.address), reasonOf(change) ?? '']) })),
    });
  }
  if (bots.length + others.length === 0)
    sections.push({ heading: '### Resources', items: [{ kind: 'note', text: 'No resource changes.\n' }], unlimited: true });
  return sections;
}

function row(cells: readonly string[]): string {
  return `| ${cells.join(' | ')} |\n`;
}

function botBlock(item: ChatConfigurationChange): string {
  const title = `#### ${VERB[item.kind]} ${code(item.name)} (${code(item.address)})\n\n`;
  const platform = item.after?.type ?? item.before?.type ?? 'DingTalk/WeChat';
  if (item.kind === 'create') {
    const rows = botFieldChanges(item).map((change) => [code(fieldName(change.path)), shown(change, 'after')]);
    return title + details(`${rows.length} attributes`, table(['Field', 'Value'], rows)) + '\n';
  }
  if (item.kind === 'delete') {
    return `${title}Why: ${reasonOf(item.change) ?? 'destroy was planned'}. Its webhook URL stops working: remove the bot from ${platform} too.\n\n`;
  }
  const lines: string[] = [];
  if (item.kind === 'replace') {
    lines.push(`Why: ${replaceReason(item.change)}.\n`);
    lines.push(
      `> ⚠️ **The webhook URL changes.** ${replacementOrder(item.change)} After apply, register the new URL in ${platform} again; the old one stops working.\n`,
    );
  }
  lines.push(...rotations(item));
  const rows = botFieldChanges(item)
    .filter((change) => !SECRET_VERSIONS.some((version) => version.field === change.path[0]))
    .map((change) => [code(fieldName(change.path)), shown(change, 'before'), shown(change, 'after')]);
  if (rows.length > 0) lines.push(table(['Field', 'Before', 'After'], rows));
  return title + lines.join('\n') + '\n';
}

/** Terraform deletes first unless create_before_destroy is set; the actions list says which. */
function replacementOrder(change: ResourceChange): string {
  return change.actions[0] === 'delete'
    ? 'The old bot is deleted before the new one is created, so the bot is down in between.'
    : 'The new bot is created before the old one is deleted (create_before_destroy).';
}

function botFieldChanges(item: ChatConfigurationChange): FieldChange[] {
  return fieldChanges(item.change, [], 2).filter((change) => !NOISE.has(String(change.path[0])) && !isNullCreate(item, change));
}

/** On create, unset optional attributes are noise: only what will be set (or computed) is listed. */
function isNullCreate(item: ChatConfigurationChange, change: FieldChange): boolean {
  return item.kind === 'create' && change.after.known && change.after.value === null;
}

function rotations(item: ChatConfigurationChange): string[] {
  return SECRET_VERSIONS.flatMap(({ field, via }) => {
    const before = beforeValue(item.change, [field]);
    const after = afterValue(item.change, [field]);
    if (before.known && after.known && before.value === after.value) return [];
    if (before.known && before.value === null && after.known && after.value === null) return [];
    return [`- 🔑 client secret: new version ${formatValue(before)} → ${formatValue(after)} (${via(item)}); the value is never shown.\n`];
  });
}

function shown(change: FieldChange, side: 'before' | 'after'): string {
  const [attribute, key] = change.path;
  // Some keys hold secrets whether or not the provider marks them: never print those either.
  if (attribute === 'extra_configuration' && typeof key === 'string' && looksLikeSecretKey(key)) return SENSITIVE_TEXT;
  return formatValue(change[side]);
}

function fieldName(path: readonly Step[]): string {
  return path.map(String).join('.');
}

function reasonOf(change: ResourceChange): string | undefined {
  if (change.kind === 'replace') return replaceReason(change);
  if (!change.actionReason) return undefined;
  return REASONS[change.actionReason] ?? code(change.actionReason);
}

function replaceReason(change: ResourceChange): string {
  const paths = change.replacePaths.map((path) => {
    const before: PlannedValue = beforeValue(change, path);
    const after: PlannedValue = afterValue(change, path);
    return `${code(fieldName(path))} changed (${formatValue(before)} → ${formatValue(after)})`;
  });
  const reason = change.actionReason ? (REASONS[change.actionReason] ?? code(change.actionReason)) : undefined;
  return [paths.join(', '), reason].filter((part) => part).join(' and ') || 'replacement was planned';
}

function outputSection(plan: PlanView): Section | undefined {
  const changed = plan.outputChanges.filter((change) => isChange(change.kind));
  if (changed.length === 0) return undefined;
  return {
    heading: '### Outputs',
    header: table(['Output', 'Action', 'Before', 'After'], []),
    items: changed.flatMap((change) => outputRows(change)),
    unlimited: true,
    share: 1 / 6,
  };
}

function outputRows(change: OutputChange): { kind: string; text: string }[] {
  return fieldChanges(change, [], 1).map((field) => ({
    kind: 'output',
    text: row([code(fieldName([change.name, ...field.path])), outputAction(field), formatValue(field.before), formatValue(field.after)]),
  }));
}

/** A key (or whole output) that appears is an add, one that goes away a remove; only a value that changes is an update. */
function outputAction(field: FieldChange): string {
  const absent = (value: PlannedValue) => value.known && value.value === null;
  if (absent(field.before) && !absent(field.after)) return '➕ Add';
  if (absent(field.after) && !absent(field.before)) return '➖ Remove';
  return VERB.update;
}
