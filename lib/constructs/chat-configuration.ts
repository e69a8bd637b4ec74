import { Construct } from 'constructs';
import * as oos from '../../.gen/providers/oos';
import { Platform } from './platform';
import { SECRET_ALTERNATIVES, Secret, SecretArguments } from './secret';
import { ProblemList, resolvedEntries } from './validation';
import { configurationKeys, extraConfigurationKeyProblem, nameProblem, ramRoleProblem, resourceGroupProblem, tagProblems, typeProblem } from '../domain';

/** Context key through which a stack hands its default resource group to its configurations. */
export const DEFAULT_RESOURCE_GROUP_CONTEXT = 'oos-chatops:defaultResourceGroupId';

/** Properties of a ChatConfiguration. */
export interface ChatConfigurationProps {
  /** OOS name, unique per region and account: 1-128 letters, digits, `-`, `_` or `.`; changing it replaces the bot. */
  readonly name: string;
  /** Chat platform and its settings: `Platform.dingTalk({...})` or `Platform.weChat({...})`. */
  readonly platform: Platform;
  /** Name (not ARN) of the RAM role the bot runs operations as, 1-64 letters, digits, `.` or `-`. @default the OOS default (no role sent) */
  readonly ramRole?: string;
  /** Resource group id, `rg-…`. @default the stack's resourceGroupId, else the account's default group */
  readonly resourceGroupId?: string;
  /** Tags of this configuration (at most 20 including the stack's; explicit tags win over defaults). @default {} */
  readonly tags?: { readonly [key: string]: string };
  /**
   * Adopt the configuration of this name that already exists in OOS (made in the console, or
   * listed by `npm run adopt`): a Terraform `import` block, so the next plan imports it and then
   * updates it in place to these props instead of creating it. Harmless once it is in state;
   * remove it after the apply that imported it. @default false (the plan creates the configuration)
   */
  readonly importExisting?: boolean;
}

/**
 * An OOS chat configuration (a ChatOps bot for DingTalk or WeChat) with typed settings,
 * a secret that never reaches the synthesised configuration and synth-time validation.
 * `resource` is the escape hatch to the underlying `oos_chat_configuration`.
 */
export class ChatConfiguration extends Construct {
  /** True for ChatConfiguration constructs (works across copies of this library). */
  static isChatConfiguration(x: unknown): x is ChatConfiguration {
    return x !== null && typeof x === 'object' && CHAT_CONFIGURATION_SYMBOL in x;
  }

  /** The underlying `oos_chat_configuration` resource. */
  readonly resource: oos.chatConfiguration.ChatConfiguration;
  /** The OOS name of the configuration. */
  readonly name: string;
  /** The webhook URL to register in the chat platform, known after apply. */
  readonly webhookUrl: string;

  constructor(scope: Construct, id: string, props: ChatConfigurationProps) {
    super(scope, id);
    Object.defineProperty(this, CHAT_CONFIGURATION_SYMBOL, { value: true });
    const platform = props.platform;
    const secret = secretArguments(platform?.clientSecret);
    this.name = props.name;
    this.resource = new oos.chatConfiguration.ChatConfiguration(this, 'Default', {
      name: props.name,
      type: platform?.type,
      ramRole: props.ramRole,
      templateId: platform?.templateId,
      clientId: platform?.clientId,
      ...secret,
      extraConfiguration: platform?.extraConfiguration && Object.keys(platform.extraConfiguration).length > 0 ? { ...platform.extraConfiguration } : undefined,
      resourceGroupId: props.resourceGroupId ?? (this.node.tryGetContext(DEFAULT_RESOURCE_GROUP_CONTEXT) as string | undefined),
      tags: props.tags ? { ...props.tags } : undefined,
    });
    this.webhookUrl = this.resource.webhookUrl;
    // The import id of oos_chat_configuration is the configuration's name (OOS keys them by name).
    if (props.importExisting) this.resource.importFrom(props.name);
    this.node.addValidation({ validate: () => this.problems(props) });
  }

  private problems(props: ChatConfigurationProps): string[] {
    const problems = new ProblemList(this.node.path);
    const resource = this.resource;
    problems.check('name', resource.nameInput, nameProblem);
    const platform = props.platform;
    if (!(platform instanceof Platform)) {
      problems.add('platform', 'is not a Platform: use Platform.dingTalk({ templateId, clientId, clientSecret }) or Platform.weChat({ ... }).');
      return problems.toArray();
    }
    problems.check('platform.type', platform.type, typeProblem);
    if (platform.type === 'DingTalk') {
      for (const field of ['templateId', 'clientId', 'clientSecret'] as const) {
        if (platform[field] === undefined || platform[field] === '') {
          problems.add(
            `platform.${field}`,
            `is required for DingTalk (Configuration key ${configurationKeys('DingTalk')[field]}): set it in Platform.dingTalk({ ... }).`,
          );
        }
      }
    }
    if (platform.clientSecret !== undefined && !Secret.isSecret(platform.clientSecret)) {
      problems.add(
        'platform.clientSecret',
        `a literal string is refused: it would be written to cdk.tf.json, the plan and the state. Instead ${SECRET_ALTERNATIVES}.`,
      );
    }
    problems.check('platform.settings', platform.extraConfiguration, (settings) => Object.keys(settings).flatMap((key) => settingProblems(platform.type, key)));
    problems.check('ramRole', resource.ramRoleInput, ramRoleProblem);
    problems.check('resourceGroupId', resource.resourceGroupIdInput, resourceGroupProblem);
    // The merged tags (stack defaults included) are what OOS receives, so they are what we check.
    problems.check('tags', resource.tagsInput, (tags) => tagProblems(resolvedEntries(tags)));
    return problems.toArray();
  }
}

/** A settings key the provider would refuse (extraConfigurationKeyProblem), worded for the construct's fields. */
function settingProblems(type: string, key: string): string[] {
  const problem = extraConfigurationKeyProblem(type, key);
  if (problem?.kind === 'secret')
    return [`key "${key}" looks like a secret and would be stored in plain text: pass secrets as clientSecret (a Secret), not as settings.`];
  const factory = type === 'DingTalk' ? 'dingTalk' : 'weChat';
  return problem ? [`key "${key}" is set from ${problem.field}: set it as Platform.${factory}({ ${problem.field} }) and remove it from settings.`] : [];
}

const CHAT_CONFIGURATION_SYMBOL = Symbol.for('oos-chatops.ChatConfiguration');

/** Only real Secrets become arguments; anything else is reported by validation and never synthesised. */
function secretArguments(secret: unknown): SecretArguments {
  return Secret.isSecret(secret) ? secret.toArguments() : {};
}
