/** Shared builders for the construct tests: a test app, a dev-like stack and a DingTalk platform. */
import { mkdirSync } from 'node:fs';
import * as path from 'node:path';
import 'cdktf/lib/testing/adapters/jest'; // types of toHaveResourceWithProperties & co.
import { Testing } from '../../lib/constructs/framework';
import { ChatOpsStack, ChatOpsStackProps, Platform, Secret } from '../../lib/constructs';

Testing.setupJest();

/**
 * A test app whose outdir is one fixed, git-ignored folder: Testing.app() alone makes a new temp
 * folder per call and never removes it. Testing.synth writes nothing there.
 */
export function testApp(): ReturnType<typeof Testing.app> {
  const outdir = path.join(__dirname, '../../dist/test-fixtures/cdktf.out');
  mkdirSync(outdir, { recursive: true });
  return Testing.app({ outdir });
}

/** The literal secret the tests pass around; it must never appear in synthesised output. */
export const TEST_SECRET = 'test-secret-value-5f1e9c';

export function testStack(props: Partial<ChatOpsStackProps> = {}, id = 'dev'): ChatOpsStack {
  return new ChatOpsStack(testApp(), id, {
    environment: 'dev',
    region: 'cn-hangzhou',
    backend: { kind: 'local', path: 'state/dev.tfstate' },
    ...props,
  });
}

export function dingTalk(stack: ChatOpsStack, overrides: Partial<Parameters<typeof Platform.dingTalk>[0]> = {}): Platform {
  return Platform.dingTalk({
    templateId: 'tmpl-1.schema',
    clientId: 'dingclient01',
    clientSecret: Secret.fromVariable(stack, 'ops_secret', { version: 1 }),
    ...overrides,
  });
}

/** Synthesises with validations and returns the error message, or undefined when valid. */
export function validationError(stack: ChatOpsStack): string | undefined {
  try {
    Testing.synth(stack, true);
    return undefined;
  } catch (err) {
    return (err as Error).message;
  }
}

/** Synthesised Terraform JSON, indexed freely by the tests. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON of arbitrary shape
export type TerraformJson = any;

/** The synthesised JSON of a stack, parsed. */
export function synthJson(stack: ChatOpsStack): TerraformJson {
  return JSON.parse(Testing.synth(stack, true));
}
