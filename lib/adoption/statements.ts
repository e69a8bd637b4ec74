/**
 * The TypeScript a user pastes into buildApp (main.ts) right after the stack's line: one
 * `<stack>.addChatConfiguration(...)` per adopted bot with `importExisting: true`, secrets as
 * placeholders with a comment saying what to create. Nothing else, so the output can be pasted or
 * redirected as it is; never a secret value (OOS returns them masked anyway).
 */
import type { AdoptionCandidate, AdoptionReport, SecretPlaceholder } from './candidates';
import { factoryOf } from './candidates';

const INDENT = '  ';

/** The statements for every candidate, indented for buildApp's body; empty when there is none. */
export function adoptionStatements(report: AdoptionReport, stack: string): string {
  if (report.candidates.length === 0) return '';
  const secrets = report.candidates.flatMap((candidate) => (candidate.secret ? [secretInstruction(candidate.secret, candidate.name)] : []));
  const header = [
    `// Adopted with npm run adopt -- ${stack}: ${report.candidates.length === 1 ? 'a chat configuration' : `${report.candidates.length} chat configurations`} of OOS ${report.region} made outside this app.`,
    '// The next plan imports each (importExisting) and updates it in place to these props.',
    ...(secrets.length > 0 ? ['// Before planning, provide the client secrets (OOS never returns them):', ...secrets.map((line) => `//   - ${line}`)] : []),
  ];
  const blocks = report.candidates.map((candidate) => statement(candidate, stack));
  return [header.map((line) => INDENT + line).join('\n'), ...blocks].join('\n') + '\n';
}

/** What to create for one secret, in words. */
export function secretInstruction(secret: SecretPlaceholder, name: string): string {
  return secret.source === 'parameter'
    ? `create the OOS secret parameter ${secret.name} holding the client secret of ${name} (${secret.key})`
    : `set TF_VAR_${secret.name} to the client secret of ${name} (${secret.key}) wherever plan and apply run`;
}

function statement(candidate: AdoptionCandidate, stack: string): string {
  const lines: string[] = [];
  for (const note of candidate.notes) lines.push(`// Note: ${note}`);
  lines.push(`${stack}.addChatConfiguration(${literal(candidate.id)}, {`);
  lines.push(`${INDENT}name: ${literal(candidate.name)},`);
  lines.push(`${INDENT}importExisting: true,`);
  lines.push(`${INDENT}platform: Platform.${factoryOf(candidate.type)}({`);
  const field = (name: string, value: string | undefined) => (value === undefined ? [] : [`${INDENT.repeat(2)}${name}: ${literal(value)},`]);
  lines.push(...field('templateId', candidate.templateId), ...field('clientId', candidate.clientId));
  if (candidate.secret) {
    lines.push(`${INDENT.repeat(2)}// ${capitalised(secretInstruction(candidate.secret, candidate.name))}.`);
    lines.push(`${INDENT.repeat(2)}clientSecret: ${secretExpression(candidate.secret, stack)},`);
  }
  if (Object.keys(candidate.settings).length > 0) lines.push(`${INDENT.repeat(2)}settings: ${objectLiteral(candidate.settings)},`);
  lines.push(`${INDENT}}),`);
  if (candidate.ramRole !== undefined) lines.push(`${INDENT}ramRole: ${literal(candidate.ramRole)},`);
  if (candidate.resourceGroupId !== undefined) lines.push(`${INDENT}resourceGroupId: ${literal(candidate.resourceGroupId)},`);
  if (Object.keys(candidate.tags).length > 0) lines.push(`${INDENT}tags: ${objectLiteral(candidate.tags)},`);
  lines.push('});');
  return lines.map((line) => INDENT + line).join('\n');
}

function secretExpression(secret: SecretPlaceholder, stack: string): string {
  return secret.source === 'parameter'
    ? `Secret.fromSecretParameter(${literal(secret.name)})`
    : `Secret.fromVariable(${stack}, ${literal(secret.name)}, { version: 1 })`;
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A single-quoted TypeScript string literal (the project's prettier style). */
export function literal(value: string): string {
  const escaped = value.replace(
    /[\\'\n\r\u2028\u2029]/g,
    (c) => ({ '\\': '\\\\', "'": "\\'", '\n': '\\n', '\r': '\\r' })[c] ?? `\\u${c.charCodeAt(0).toString(16)}`,
  );
  return `'${escaped}'`;
}

function objectLiteral(map: { readonly [key: string]: string }): string {
  const entries = Object.entries(map).map(([key, value]) => `${/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key) ? key : literal(key)}: ${literal(value)}`);
  return `{ ${entries.join(', ')} }`;
}

/** What the run found, for stderr: counts, refusals with their owner, notes and the secrets to create. */
export function adoptionNotes(report: AdoptionReport, stack: string): string[] {
  const lines = [`OOS ${report.region} (${report.endpoint}): ${report.candidates.length} to adopt into ${stack}`];
  if (report.alreadyManaged.length > 0) lines.push(`already managed by ${stack}: ${report.alreadyManaged.join(', ')}`);
  for (const { name, stack: owner } of report.refused) {
    lines.push(
      `refused ${name}: stack ${owner} manages it (main.ts); adopting it into ${stack} too would give the bot two owners that undo each other's changes.`,
    );
  }
  for (const { name, reason } of report.skipped) lines.push(`skipped ${name}: ${reason}`);
  for (const candidate of report.candidates) {
    for (const note of candidate.notes) lines.push(`note on ${candidate.name}: ${note}`);
    if (candidate.secret) lines.push(`secret of ${candidate.name}: ${secretInstruction(candidate.secret, candidate.name)}`);
  }
  return lines;
}
