import { Construct } from 'constructs';
import * as oos from '../../.gen/providers/oos';
import { DEFAULT_RESOURCE_GROUP_CONTEXT } from './chat-configuration';
import { ISecretParameter, SECRET_ALTERNATIVES, Secret, VariableSecret } from './secret';
import { ProblemList, resolvedEntries } from './validation';
import { resourceGroupProblem, secretParameterNameProblem, tagProblems } from '../domain';

/** What every value must satisfy; OOS refuses a value that breaks a rule. */
export interface SecretParameterConstraints {
  /** The only values allowed. @default any value */
  readonly allowedValues?: readonly string[];
  /** A regular expression the whole value must match. @default any value */
  readonly allowedPattern?: string;
  /** Fewest characters. @default 1 */
  readonly minLength?: number;
  /** Most characters. @default 4096 */
  readonly maxLength?: number;
}

/** Properties of a SecretParameter. */
export interface SecretParameterProps {
  /** OOS name, unique per region and account: 1-200 letters, digits, `_`, `.`, `/` or `-`; changing it replaces the parameter. */
  readonly name: string;
  /**
   * The value: `Secret.fromVariable(stack, "<variable>", { version })`, an ephemeral variable sent
   * write-only (`value_wo`); its `version` is `value_wo_version`, so bump it to send a new value.
   */
  readonly value: Secret;
  /** What the secret is for, up to 200 characters. @default none */
  readonly description?: string;
  /** Id of the KMS key that encrypts the value; changing it replaces the parameter. @default OOS's own key */
  readonly keyId?: string;
  /** Rules OOS checks every value against; changing them replaces the parameter. @default none */
  readonly constraints?: SecretParameterConstraints;
  /** Resource group id, `rg-…`. @default the stack's resourceGroupId, else the account's default group */
  readonly resourceGroupId?: string;
  /** Tags of this parameter (at most 20 including the stack's). @default {} */
  readonly tags?: { readonly [key: string]: string };
}

/**
 * An OOS secret parameter whose value comes from an ephemeral variable and never reaches the
 * synthesised configuration, the plan or the state. Bots read it with
 * `Secret.fromSecretParameter(parameter)`, which also orders them after it.
 * `resource` is the escape hatch to the underlying `oos_secret_parameter`.
 */
export class SecretParameter extends Construct implements ISecretParameter {
  /** The underlying `oos_secret_parameter` resource. */
  readonly resource: oos.secretParameter.SecretParameter;
  /** The OOS name of the parameter. */
  readonly name: string;

  constructor(scope: Construct, id: string, props: SecretParameterProps) {
    super(scope, id);
    const value = props.value instanceof VariableSecret ? props.value.toArguments() : {};
    const c = props.constraints;
    this.name = props.name;
    this.resource = new oos.secretParameter.SecretParameter(this, 'Default', {
      name: props.name,
      valueWo: value.clientSecretWo ?? '',
      valueWoVersion: value.clientSecretWoVersion ?? 0,
      description: props.description,
      keyId: props.keyId,
      constraints: c && JSON.stringify({ AllowedValues: c.allowedValues, AllowedPattern: c.allowedPattern, MinLength: c.minLength, MaxLength: c.maxLength }),
      resourceGroupId: props.resourceGroupId ?? (this.node.tryGetContext(DEFAULT_RESOURCE_GROUP_CONTEXT) as string | undefined),
      tags: props.tags ? { ...props.tags } : undefined,
    });
    this.node.addValidation({ validate: () => this.problems(props) });
  }

  private problems(props: SecretParameterProps): string[] {
    const problems = new ProblemList(this.node.path);
    problems.check('name', this.resource.nameInput, secretParameterNameProblem);
    if (!(props.value instanceof VariableSecret)) {
      problems.add(
        'value',
        `must be a Secret.fromVariable(...) (an ephemeral variable, sent write-only); a literal or another parameter is refused. Instead ${SECRET_ALTERNATIVES.split(', or')[0]}.`,
      );
    }
    problems.check('resourceGroupId', this.resource.resourceGroupIdInput, resourceGroupProblem);
    problems.check('tags', this.resource.tagsInput, (tags) => tagProblems(resolvedEntries(tags)));
    return problems.toArray();
  }
}
