import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { sandboxApp } from '../../examples/cdktf/chatops';

test('the cdktf example synthesises', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'example-'));
  try {
    sandboxApp(dir).synth();
    const json = JSON.parse(fs.readFileSync(path.join(dir, 'stacks', 'sandbox', 'cdk.tf.json'), 'utf8'));
    expect(Object.keys(json.resource.oos_chat_configuration).sort()).toEqual(['oncall', 'ops']);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
