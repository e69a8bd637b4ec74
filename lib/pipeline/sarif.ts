/**
 * policy.sarif: the policy violations as SARIF 2.1.0 (OASIS), the format code-scanning tools
 * (GitHub code scanning, GitLab, Azure DevOps) show in a pull request. One result per violation,
 * with the stack, the resource address and the rule; the location is the source file that declares
 * the configurations (main.ts), on the line that names the configuration when one does.
 */
import { createHash } from 'node:crypto';
import type { PlanView } from './plan';
import type { PolicyReport, Violation } from './policy';
import { policyOutcomes } from './policy-subjects';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
export const SARIF_VERSION = '2.1.0';
const TOOL_NAME = 'oos-chatops policies';

export interface SarifOptions {
  readonly stack: string;
  /** Where the configurations are declared, relative to the repository root. @default main.ts */
  readonly sourceUri?: string;
  /** That file's text, to point each result at the line naming its configuration. @default line 1 */
  readonly sourceText?: string;
}

/** The SARIF log (as a JSON-ready object) of one stack's policy run over `plan`. */
export function policySarif(plan: PlanView, report: PolicyReport, options: SarifOptions): object {
  const outcomes = policyOutcomes(report);
  const policyOf = new Map(outcomes.flatMap((outcome) => outcome.violations.map((item) => [item, outcome.policy] as const)));
  const rules = [...new Map(report.violations.map((item) => [item.rule, item])).values()];
  const ruleIndex = new Map(rules.map((item, index) => [item.rule, index]));
  const sourceUri = options.sourceUri ?? 'main.ts';
  return {
    $schema: SARIF_SCHEMA,
    version: SARIF_VERSION,
    runs: [
      {
        tool: {
          driver: {
            name: TOOL_NAME,
            rules: rules.map((item) => ({
              id: item.rule,
              ...(policyOf.get(item) ? { name: policyOf.get(item) } : {}),
              shortDescription: { text: `Policy rule ${item.rule}` },
              help: { text: item.fix },
              defaultConfiguration: { level: item.severity },
            })),
          },
        },
        // One category per stack, so code scanning keeps each stack's alerts apart.
        automationDetails: { id: `oos-chatops-policy/${options.stack}/` },
        properties: { stack: options.stack, terraformVersion: plan.terraformVersion, policies: outcomes.map((outcome) => outcome.policy) },
        results: report.violations.map((item) => ({
          ruleId: item.rule,
          ruleIndex: ruleIndex.get(item.rule),
          level: item.severity,
          message: { text: `${item.stack}: ${item.configurationName ?? item.address} (${item.address}): ${item.message} Fix: ${item.fix}` },
          locations: [
            {
              physicalLocation: { artifactLocation: { uri: sourceUri }, region: { startLine: lineNaming(item, options.sourceText) } },
              logicalLocations: [{ name: item.address, fullyQualifiedName: `${item.stack}/${item.address}`, kind: 'resource' }],
            },
          ],
          partialFingerprints: { 'oosChatopsViolation/v1': fingerprint(item) },
          properties: {
            stack: item.stack,
            address: item.address,
            rule: item.rule,
            ...(item.configurationName ? { configurationName: item.configurationName } : {}),
            ...(policyOf.get(item) ? { policy: policyOf.get(item) } : {}),
          },
        })),
      },
    ],
  };
}

/** The first line quoting the configuration's name, or its id after the `<stack>-` prefix; else 1. */
function lineNaming(item: Violation, text: string | undefined): number {
  if (!text || !item.configurationName) return 1;
  const bare = item.configurationName.startsWith(`${item.stack}-`) ? item.configurationName.slice(item.stack.length + 1) : undefined;
  const lines = text.split('\n');
  for (const needle of [item.configurationName, bare]) {
    if (!needle) continue;
    const index = lines.findIndex((line) => line.includes(`'${needle}'`) || line.includes(`"${needle}"`));
    if (index >= 0) return index + 1;
  }
  return 1;
}

/** Stable across runs and line moves: the same violation of the same resource is the same alert. */
function fingerprint(item: Violation): string {
  return createHash('sha256').update(`${item.stack}\n${item.address}\n${item.rule}`).digest('hex');
}
