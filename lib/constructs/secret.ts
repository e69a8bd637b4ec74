import { Construct } from 'constructs';
import { TerraformStack, TerraformVariable } from './framework';

/** The resource arguments a secret becomes: either the write-only pair or a parameter name. */
export interface SecretArguments {
  /** Value of `client_secret_wo` (a reference to an ephemeral variable). */
  readonly clientSecretWo?: string;
  /** Value of `client_secret_wo_version`. */
  readonly clientSecretWoVersion?: number;
  /** Value of `client_secret_parameter`. */
  readonly clientSecretParameter?: string;
  /** Value of `client_secret_parameter_version`; absent = the current version, looked up at plan. */
  readonly clientSecretParameterVersion?: number;
}

/** An OOS secret parameter made in this app (the SecretParameter construct). */
export interface ISecretParameter {
  /** The parameter's OOS name. */
  readonly name: string;
  /** The `oos_secret_parameter` making it: readers refer to its `name` and `parameter_version`. */
  readonly resource: { readonly name: string; readonly parameterVersion: number };
}

/** Options of `Secret.fromVariable`. */
export interface SecretVariableProps {
  /** Shown by `terraform plan` when the variable is missing. @default "Chat app client secret (ephemeral)." */
  readonly description?: string;
  /** Any number; bump it to push a new secret value to OOS (`client_secret_wo_version`). */
  readonly version: number;
}

/**
 * A chat app client secret that never lands in the synthesised configuration, the plan or the
 * state. Build one with `Secret.fromVariable` (value supplied at deploy time, e.g.
 * `TF_VAR_<name>`) or `Secret.fromSecretParameter` (an OOS secret parameter read by the provider).
 * There is deliberately no `Secret.fromString`.
 */
export abstract class Secret {
  /**
   * An ephemeral, sensitive Terraform variable named `variableName` (set it with
   * `TF_VAR_<variableName>`), sent through the write-only `client_secret_wo`.
   * The variable is created once per stack; asking again for the same name returns it.
   */
  static fromVariable(scope: Construct, variableName: string, props: SecretVariableProps): Secret {
    return new VariableSecret(scope, variableName, props);
  }

  /**
   * An OOS secret parameter, read with decryption by the provider at apply time: its name (made
   * elsewhere), or a SecretParameter of this app, which the reader then applies after, so a new
   * value reaches the bot in the same apply.
   */
  static fromSecretParameter(parameter: string | ISecretParameter): Secret {
    return typeof parameter === 'string' ? new ParameterSecret(parameter) : new ParameterSecret(parameter.name, parameter.resource);
  }

  /** True for values built by this class; a plain string is not a Secret. */
  static isSecret(value: unknown): value is Secret {
    return value instanceof Secret;
  }

  /** Says where the value comes from, without the value, for messages and docs. */
  abstract readonly description: string;

  /** The resource arguments that deliver this secret. */
  abstract toArguments(): SecretArguments;
}

/** What to write instead of a literal secret; used in validation messages. */
export const SECRET_ALTERNATIVES =
  'use Secret.fromVariable(stack, "<variable_name>", { version: 1 }) and set TF_VAR_<variable_name> at deploy time, ' +
  'or Secret.fromSecretParameter("<oos secret parameter name>")';

export class VariableSecret extends Secret {
  readonly description: string;
  /** The Terraform variable's name, as in `TF_VAR_<name>`. */
  readonly variableName: string;
  private readonly variable: TerraformVariable;
  private readonly version: number;

  constructor(scope: Construct, variableName: string, props: SecretVariableProps) {
    super();
    if (!/^[A-Za-z_][A-Za-z0-9_-]*$/.test(variableName)) {
      throw new Error(
        `${scope.node.path}: Secret.fromVariable name "${variableName}" is not a Terraform variable name: use letters, digits, "_" or "-", starting with a letter or "_".`,
      );
    }
    // Variables live at stack level so TF_VAR_<name> is predictable whatever the construct tree.
    const stack = TerraformStack.of(scope);
    const id = `secret-variable-${variableName}`;
    const existing = stack.node.tryFindChild(id);
    this.variable =
      existing instanceof TerraformVariable
        ? existing
        : new TerraformVariable(stack, id, {
            type: 'string',
            sensitive: true,
            // A missing value is null and refused by the validation below: terraform names the
            // variable and stops, where a variable without a default would wait for typed input
            // (forever in CI, with or without stdin) unless TF_INPUT=0.
            nullable: true,
            validation: [
              {
                condition: `\${var.${variableName} != null}`,
                errorMessage: `No value for the ephemeral variable ${variableName}: set TF_VAR_${variableName} to the chat app's client secret (it is never saved in a plan, so the apply job needs it too; npm run emulator prints dev's).`,
              },
            ],
            description: props.description ?? 'Chat app client secret (ephemeral).',
          });
    this.variable.overrideLogicalId(variableName);
    // cdktf 0.21 has no `ephemeral` option; Terraform >= 1.10 accepts the attribute and
    // allows ephemeral values only in write-only arguments such as client_secret_wo.
    this.variable.addOverride('ephemeral', true);
    this.variable.addOverride('default', null);
    this.variableName = variableName;
    this.version = props.version;
    this.description = `ephemeral variable ${variableName} (TF_VAR_${variableName}), version ${props.version}`;
  }

  toArguments(): SecretArguments {
    return { clientSecretWo: this.variable.stringValue, clientSecretWoVersion: this.version };
  }
}

export class ParameterSecret extends Secret {
  readonly description: string;

  constructor(
    readonly parameterName: string,
    /**
     * The resource making the parameter, when this app makes it: the reader then names the
     * version that resource holds, unknown at plan while a new one is made, so the reader is
     * updated after it in the same apply and gets that version.
     */
    private readonly maker?: ISecretParameter['resource'],
  ) {
    super();
    this.description = `OOS secret parameter ${parameterName}`;
  }

  toArguments(): SecretArguments {
    if (this.maker === undefined) return { clientSecretParameter: this.parameterName };
    return { clientSecretParameter: this.maker.name, clientSecretParameterVersion: this.maker.parameterVersion };
  }
}
