import * as path from 'path';
import { Construct } from 'constructs';
import * as oos from '../../.gen/providers/oos';
import { ChatConfiguration, ChatConfigurationProps, DEFAULT_RESOURCE_GROUP_CONTEXT } from './chat-configuration';
import { App, Aspects, CloudBackend, LocalBackend, NamedCloudWorkspace, OssBackend, PgBackend, TerraformOutput, TerraformStack, Lazy } from './framework';
import { DefaultTags } from './tagging';
import { ProblemList, isUnresolved } from './validation';
import { emulatorEndpointProblem, regionProblem, resourceGroupProblem, roleArnProblem, sessionExpirationProblem, tagProblems } from '../domain';

/** How the provider authenticates. Access keys are never written in code: they come from the environment. */
export type ProviderCredentials =
  /** The default chain: env ALIBABA_CLOUD_ACCESS_KEY_ID/SECRET, OIDC, CLI profile, ECS RAM role. */
  | { readonly kind: 'default-chain' }
  /** A profile of the Alibaba Cloud CLI config (~/.aliyun/config.json). */
  | { readonly kind: 'profile'; readonly profile: string }
  /** STS AssumeRole with the credentials of the default chain, or of `profile` when given. */
  | {
      readonly kind: 'assume-role';
      readonly roleArn: string;
      readonly sessionName?: string;
      readonly sessionExpiration?: number;
      readonly profile?: string;
    };

/** Where Terraform keeps the stack's state. */
export type StateBackend =
  /** A local file. */
  | { readonly kind: 'local'; readonly path?: string }
  /** An OSS bucket, locked with a Tablestore table (credentials from the default chain, never here). */
  | {
      readonly kind: 'oss';
      readonly bucket: string;
      readonly prefix?: string;
      readonly key?: string;
      readonly region: string;
      readonly tablestoreEndpoint: string;
      readonly tablestoreTable: string;
      readonly profile?: string;
      readonly encrypt?: boolean;
    }
  /** PostgreSQL; the password comes from PGPASSWORD, never from the connection string. */
  | { readonly kind: 'pg'; readonly connStr: string; readonly schemaName?: string }
  /**
   * HCP Terraform or Terraform Enterprise (a `cloud` block), one workspace per stack; the API token
   * comes from TF_TOKEN_<hostname> or `terraform login`, never from here.
   */
  | {
      readonly kind: 'cloud';
      readonly organization: string;
      /** The stack's workspace. @default the stack id */
      readonly workspace?: string;
      /** The workspace's project. @default the organization's default project */
      readonly project?: string;
      /** Terraform Enterprise's host name. @default app.terraform.io (HCP Terraform) */
      readonly hostname?: string;
    };

/** Properties of a ChatOpsStack. */
export interface ChatOpsStackProps {
  /** Environment name, e.g. `dev`; becomes the `Environment` tag. */
  readonly environment: string;
  /** Region id, e.g. `cn-hangzhou`. @default ALIBABA_CLOUD_REGION_ID at deploy time */
  readonly region?: string;
  /** OOS endpoint override, e.g. the emulator's URL. @default ALIBABA_CLOUD_OOS_ENDPOINT at deploy time, else `oos.<region>.aliyuncs.com` */
  readonly endpoint?: string;
  /** How the provider authenticates. @default { kind: 'default-chain' } */
  readonly credentials?: ProviderCredentials;
  /** Where the state lives; a relative local path is read from the stack's folder <outdir>/stacks/<id>. @default { kind: 'local', path: '<cwd>/.chatops/state/<stack id>.tfstate' } */
  readonly backend?: StateBackend;
  /** Resource group of configurations that set none. @default the account's default resource group */
  readonly resourceGroupId?: string;
  /** Tags merged into every configuration of the stack, after Environment and ManagedBy; explicit tags win. @default {} */
  readonly defaultTags?: { readonly [key: string]: string };
  /**
   * What this environment deploys to. `emulator`: only the local OOS emulator; the provider refuses
   * any endpoint that is not on this machine, the default one included (`emulator_only`), and an
   * `endpoint` given here must be loopback. `cloud`: Alibaba Cloud OOS (or any endpoint). @default 'cloud'
   */
  readonly target?: DeploymentTarget;
  /**
   * Whether tags go to OOS (the provider's `tagging`): `auto` asks OOS at plan time and fails a plan
   * with tags where chat configurations cannot be tagged; `on` sends them; `off` keeps them in
   * Terraform only. Built-in tag policies follow it (see policySettingsFor). @default 'auto'
   */
  readonly tagging?: TaggingChoice;
  /** Send the hidden creation token in the Configuration JSON (the provider's `creation_token`). @default true */
  readonly creationToken?: boolean;
  /**
   * The provider's `owner`, shared by every runner of this stack, so a killed apply converges from
   * another runner's fresh folder; 1 to 128 characters, unique per stack. @default `<application>/<stack id>`
   */
  readonly owner?: string;
  /** The application's name in the default `owner`. @default 'chatops' */
  readonly application?: string;
}

/** Where an environment deploys: the local emulator only, or the cloud. */
export type DeploymentTarget = 'emulator' | 'cloud';

/** The provider's `tagging` setting. */
export type TaggingChoice = 'auto' | 'on' | 'off';

/**
 * One environment's chat configurations: the oos provider, the state backend, default tags
 * (Environment, ManagedBy=cdktf and the user's) and a `webhook_urls` output.
 */
export class ChatOpsStack extends TerraformStack {
  /** The environment name. */
  readonly environment: string;
  /** The provider block of this stack. */
  readonly provider: oos.provider.OosProvider;
  /** Tags merged into every configuration: Environment, ManagedBy=cdktf, then the stack's defaultTags. */
  readonly defaultTags: { readonly [key: string]: string };
  /** Resource group of configurations that set none, if the stack has one. */
  readonly resourceGroupId?: string;
  /** Where this stack deploys. */
  readonly target: DeploymentTarget;
  /** Whether tags go to OOS. */
  readonly tagging: TaggingChoice;
  /** The provider's `owner`: the mark every runner of this stack leaves on what it creates. */
  readonly owner: string;

  constructor(scope: Construct, id: string, props: ChatOpsStackProps) {
    super(scope, id);
    this.environment = props.environment;
    this.defaultTags = { Environment: props.environment, ManagedBy: 'cdktf', ...(props.defaultTags ?? {}) };
    this.resourceGroupId = props.resourceGroupId;
    if (props.resourceGroupId !== undefined) this.node.setContext(DEFAULT_RESOURCE_GROUP_CONTEXT, props.resourceGroupId);

    const credentials = props.credentials ?? { kind: 'default-chain' };
    this.target = props.target ?? 'cloud';
    this.tagging = props.tagging ?? 'auto';
    this.owner = props.owner ?? `${props.application ?? 'chatops'}/${id}`;
    this.provider = new oos.provider.OosProvider(this, 'oos', {
      region: props.region,
      endpoint: props.endpoint,
      emulatorOnly: this.target === 'emulator' ? true : undefined,
      tagging: props.tagging,
      creationToken: props.creationToken,
      owner: this.owner,
      profile: credentials.kind === 'default-chain' ? undefined : credentials.profile,
      assumeRole:
        credentials.kind === 'assume-role'
          ? { roleArn: credentials.roleArn, sessionName: credentials.sessionName, sessionExpiration: credentials.sessionExpiration }
          : undefined,
    });

    addBackend(this, id, props.backend ?? { kind: 'local' });

    Aspects.of(this).add(new DefaultTags(this.defaultTags));

    new TerraformOutput(this, 'webhook_urls', {
      description: 'Webhook URL of every chat configuration, by name: register it in the chat platform.',
      value: Lazy.anyValue({
        produce: () => Object.fromEntries(this.chatConfigurations.map((c) => [c.name, c.webhookUrl])),
      }),
    });

    this.node.addValidation({
      validate: () => {
        const problems = new ProblemList(this.node.path);
        problems.check('region', props.region, regionProblem);
        problems.check('resourceGroupId', props.resourceGroupId, resourceGroupProblem);
        if (credentials.kind === 'assume-role') {
          problems.check('credentials.roleArn', credentials.roleArn, roleArnProblem);
          problems.check('credentials.sessionExpiration', credentials.sessionExpiration, sessionExpirationProblem);
        }
        problems.check('defaultTags', props.defaultTags, tagProblems);
        problems.check('target', props.target, (target) =>
          ['emulator', 'cloud'].includes(target) ? undefined : `"${target}" is not a target: use 'emulator' or 'cloud'.`,
        );
        problems.check('tagging', props.tagging, (tagging) =>
          ['auto', 'on', 'off'].includes(tagging) ? undefined : `"${tagging}" is not a tagging choice: use 'auto', 'on' or 'off'.`,
        );
        problems.check('owner', this.owner, (owner) =>
          owner.length >= 1 && owner.length <= 128 ? undefined : `must be 1 to 128 characters; it is ${owner.length}.`,
        );
        if (this.target === 'emulator') problems.check('endpoint', props.endpoint, (endpoint) => emulatorEndpointProblem(endpoint));
        for (const problem of duplicateNameProblems(this.chatConfigurations)) problems.add('name', problem);
        if (props.backend?.kind === 'pg') {
          problems.check('backend.connStr', props.backend.connStr, (conn) =>
            /:\/\/[^/@:]+:[^/@]+@|password=/i.test(conn) ? 'contains a password: remove it and set PGPASSWORD at deploy time.' : undefined,
          );
        }
        return problems.toArray();
      },
    });
  }

  /** Every ChatConfiguration in this stack, however it was added. */
  get chatConfigurations(): ChatConfiguration[] {
    return this.node.findAll().filter(ChatConfiguration.isChatConfiguration);
  }

  /** Adds a chat configuration to this environment; `props.name` defaults to `<environment>-<id>`. */
  addChatConfiguration(id: string, props: Omit<ChatConfigurationProps, 'name'> & { readonly name?: string }): ChatConfiguration {
    return new ChatConfiguration(this, id, { ...props, name: props.name ?? `${this.environment}-${id}` });
  }
}

/** OOS keys configurations by name: two constructs with one name would fight over one bot. */
function duplicateNameProblems(configurations: readonly ChatConfiguration[]): string[] {
  const pathsByName = new Map<string, string[]>();
  for (const configuration of configurations) {
    if (isUnresolved(configuration.name)) continue;
    pathsByName.set(configuration.name, [...(pathsByName.get(configuration.name) ?? []), configuration.node.path]);
  }
  return [...pathsByName]
    .filter(([, paths]) => paths.length > 1)
    .map(([name, paths]) => `"${name}" is used by ${paths.join(' and ')}: OOS keys chat configurations by name, so give each its own name.`);
}

function addBackend(stack: TerraformStack, id: string, backend: StateBackend): void {
  switch (backend.kind) {
    case 'local': {
      // Terraform runs in <outdir>/stacks/<id> and reads a relative path from there; absolute paths
      // (the default among them) are made relative to it so the synthesised JSON names no machine paths.
      const statePath = backend.path ?? path.join(process.cwd(), '.chatops', 'state', `${id}.tfstate`);
      const workingDir = path.resolve(App.of(stack).outdir, 'stacks', id);
      new LocalBackend(stack, { path: path.isAbsolute(statePath) ? path.relative(workingDir, statePath) : statePath });
      return;
    }
    case 'oss':
      new OssBackend(stack, {
        bucket: backend.bucket,
        prefix: backend.prefix,
        key: backend.key,
        region: backend.region,
        tablestoreEndpoint: backend.tablestoreEndpoint,
        tablestoreTable: backend.tablestoreTable,
        profile: backend.profile,
        encrypt: backend.encrypt,
      });
      return;
    case 'pg':
      new PgBackend(stack, { connStr: backend.connStr, schemaName: backend.schemaName });
      return;
    case 'cloud':
      new CloudBackend(stack, {
        hostname: backend.hostname ?? 'app.terraform.io',
        organization: backend.organization,
        workspaces: new NamedCloudWorkspace(backend.workspace ?? id, backend.project),
      });
      return;
  }
}
