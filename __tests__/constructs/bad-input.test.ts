/**
 * The cdktf half of the bad-input corpus (the HCL half is __tests__/e2e/bad-input): each case
 * builds a stack with one mistake a user makes in TypeScript, and synthesis must fail with
 * `<construct path>: <field>: <problem and fix>`, before any Terraform run.
 */
import { ChatOpsStack, Platform, Secret } from '../../lib/constructs';
import { dingTalk, testStack, validationError } from './fixtures';

interface ConstructCase {
  readonly id: string;
  /** Adds the mistake to a dev stack (environment `dev`, region cn-hangzhou, a local backend). */
  readonly build: (stack: ChatOpsStack) => void;
  /** `<construct path>: <field>:` as the error must start the problem's line. */
  readonly expectField: string;
  /** The problem and the fix. */
  readonly expectText: RegExp;
  /** Stack properties of the case. @default none beyond testStack's */
  readonly stackProps?: Parameters<typeof testStack>[0];
}

const longText = (length: number, letter = 'a') => letter.repeat(length);
const manyTags = (count: number, prefix: string) => Object.fromEntries(Array.from({ length: count }, (_, i) => [`${prefix}${i}`, 'v']));
/** A platform a JavaScript user (or a cast) can build by hand, bypassing Platform's factories. */
const forgedPlatform = (fields: object) => Object.assign(Object.create(Platform.prototype), fields) as Platform;

const CASES: readonly ConstructCase[] = [
  {
    id: 'name with spaces',
    build: (stack) => stack.addChatConfiguration('ops', { name: 'ops bot', platform: dingTalk(stack) }),
    expectField: 'dev/ops: name:',
    expectText: /"ops bot" is not a valid name: use 1 to 128 letters, digits/,
  },
  {
    id: 'name of 129 characters',
    build: (stack) => stack.addChatConfiguration('ops', { name: longText(129), platform: dingTalk(stack) }),
    expectField: 'dev/ops: name:',
    expectText: /use 1 to 128/,
  },
  {
    id: 'two configurations with one OOS name',
    build: (stack) => {
      stack.addChatConfiguration('ops', { name: 'shared-bot', platform: dingTalk(stack) });
      stack.addChatConfiguration('alerts', { name: 'shared-bot', platform: dingTalk(stack) });
    },
    expectField: 'dev: name:',
    expectText: /"shared-bot" is used by dev\/ops and dev\/alerts: .*give each its own name/,
  },
  {
    id: 'assume-role credentials with a role name instead of its ARN',
    build: () => undefined,
    stackProps: { credentials: { kind: 'assume-role', roleArn: 'OOSAdmin' } },
    expectField: 'dev: credentials.roleArn:',
    expectText: /"OOSAdmin" is not a RAM role ARN: use acs:ram::<account-id>:role\/<role-name>/,
  },
  {
    id: 'assume-role session of 10 minutes',
    build: () => undefined,
    stackProps: { credentials: { kind: 'assume-role', roleArn: 'acs:ram::1234567890123456:role/OOSAdmin', sessionExpiration: 600 } },
    expectField: 'dev: credentials.sessionExpiration:',
    expectText: /from 900 to 3600, got 600/,
  },
  {
    id: 'platform given as a plain object',
    build: (stack) => stack.addChatConfiguration('ops', { platform: { type: 'DingTalk' } as unknown as Platform }),
    expectField: 'dev/ops: platform:',
    expectText: /is not a Platform: use Platform.dingTalk\(/,
  },
  {
    id: 'platform type Slack',
    build: (stack) => stack.addChatConfiguration('ops', { platform: forgedPlatform({ type: 'Slack' }) }),
    expectField: 'dev/ops: platform.type:',
    expectText: /"Slack" is not a chat platform: use "DingTalk" or "WeChat"/,
  },
  {
    id: 'platform type in lower case',
    build: (stack) => stack.addChatConfiguration('ops', { platform: forgedPlatform({ type: 'wechat' }) }),
    expectField: 'dev/ops: platform.type:',
    expectText: /"wechat" is not a chat platform: .*\(case-sensitive\)/,
  },
  {
    id: 'DingTalk without clientId',
    build: (stack) => stack.addChatConfiguration('ops', { platform: dingTalk(stack, { clientId: '' }) }),
    expectField: 'dev/ops: platform.clientId:',
    expectText: /is required for DingTalk \(Configuration key DingTalkClientId\): set it in Platform.dingTalk/,
  },
  {
    id: 'client secret as a literal string',
    build: (stack) => stack.addChatConfiguration('ops', { platform: dingTalk(stack, { clientSecret: 'plain-text-secret' as unknown as Secret }) }),
    expectField: 'dev/ops: platform.clientSecret:',
    expectText: /a literal string is refused: .*use Secret.fromVariable\(.*or Secret.fromSecretParameter/,
  },
  {
    id: 'WeChat setting that looks like a secret',
    build: (stack) => stack.addChatConfiguration('ops', { platform: Platform.weChat({ settings: { CorpId: 'ww1', AppSecret: 'x' } }) }),
    expectField: 'dev/ops: platform.settings:',
    expectText: /key "AppSecret" looks like a secret .*pass secrets as clientSecret/,
  },
  {
    id: 'WeChat setting that duplicates clientId',
    build: (stack) => stack.addChatConfiguration('ops', { platform: Platform.weChat({ clientId: 'cid', settings: { WeChatClientId: 'other' } }) }),
    expectField: 'dev/ops: platform.settings:',
    expectText: /key "WeChatClientId" is set from clientId: set it as Platform.weChat\(\{ clientId \}\) and remove it from settings/,
  },
  {
    id: 'RAM role as an ARN',
    build: (stack) => stack.addChatConfiguration('ops', { platform: dingTalk(stack), ramRole: 'acs:ram::1234567890123456:role/OOSRole' }),
    expectField: 'dev/ops: ramRole:',
    expectText: /is not a RAM role name: .*the role name, not its ARN/,
  },
  {
    id: 'resource group id in upper case',
    build: (stack) => stack.addChatConfiguration('ops', { platform: dingTalk(stack), resourceGroupId: 'RG-ACFM1' }),
    expectField: 'dev/ops: resourceGroupId:',
    expectText: /"RG-ACFM1" is not a resource group id: ids look like rg-/,
  },
  {
    id: 'stack resource group given by name',
    stackProps: { resourceGroupId: 'default' },
    build: (stack) => stack.addChatConfiguration('ops', { platform: dingTalk(stack) }),
    expectField: 'dev: resourceGroupId:',
    expectText: /"default" is not a resource group id/,
  },
  {
    id: 'tags with a reserved prefix',
    build: (stack) => stack.addChatConfiguration('ops', { platform: dingTalk(stack), tags: { 'acs:team': 'sre' } }),
    expectField: 'dev/ops: tags:',
    expectText: /tag key "acs:team" starts with the reserved prefix "acs:": rename it/,
  },
  {
    id: 'tag value of 129 characters',
    build: (stack) => stack.addChatConfiguration('ops', { platform: dingTalk(stack), tags: { Team: longText(129) } }),
    expectField: 'dev/ops: tags:',
    expectText: /the value of tag "Team" is 129 characters long; at most 128/,
  },
  {
    id: 'stack default tags with a reserved prefix',
    stackProps: { defaultTags: { 'aliyun-team': 'sre' } },
    build: (stack) => stack.addChatConfiguration('ops', { platform: dingTalk(stack) }),
    expectField: 'dev: defaultTags:',
    expectText: /tag key "aliyun-team" starts with the reserved prefix "aliyun"/,
  },
  {
    id: 'stack default tags and own tags over 20 together',
    stackProps: { defaultTags: manyTags(10, 'default') },
    // Environment and ManagedBy come with every stack: 2 + 10 + 9 = 21.
    build: (stack) => stack.addChatConfiguration('ops', { platform: dingTalk(stack), tags: manyTags(9, 'own') }),
    expectField: 'dev/ops: tags:',
    expectText: /21 tags given; OOS allows at most 20: remove 1/,
  },
  {
    id: 'region given as a city name',
    stackProps: { region: 'Hangzhou' },
    build: (stack) => stack.addChatConfiguration('ops', { platform: dingTalk(stack) }),
    expectField: 'dev: region:',
    expectText: /"Hangzhou" is not a region id: use one like cn-hangzhou/,
  },
  {
    id: 'password in a PostgreSQL connection string',
    stackProps: { backend: { kind: 'pg', connStr: 'postgres://terraform:hunter2@db.internal/state' } },
    build: (stack) => stack.addChatConfiguration('ops', { platform: dingTalk(stack) }),
    expectField: 'dev: backend.connStr:',
    expectText: /contains a password: remove it and set PGPASSWORD/,
  },
  {
    id: 'secret variable name that Terraform cannot take',
    build: (stack) =>
      stack.addChatConfiguration('ops', { platform: dingTalk(stack, { clientSecret: Secret.fromVariable(stack, 'ops secret', { version: 1 }) }) }),
    expectField: 'dev: Secret.fromVariable name',
    expectText: /"ops secret" is not a Terraform variable name: use letters, digits/,
  },
];

describe('cdktf bad-input corpus', () => {
  test('has at least 10 cases', () => expect(CASES.length).toBeGreaterThanOrEqual(10));

  test.each(CASES.map((badCase) => [badCase.id, badCase] as const))('%s: synthesis fails naming the construct path and the field', (_id, badCase) => {
    const message = failureOf(badCase);
    expect(message).toBeDefined();
    const line = message?.split('\n').find((candidate) => candidate.includes(badCase.expectField));
    expect(line).toMatch(badCase.expectText);
  });
});

/** The error of building or synthesising the case's stack (construction itself may refuse a value). */
function failureOf(badCase: ConstructCase): string | undefined {
  try {
    const stack = testStack(badCase.stackProps);
    badCase.build(stack);
    return validationError(stack);
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}
