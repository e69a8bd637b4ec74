/** The provider from plain HCL: examples/hcl-quickstart applied as a user would. */
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../../../lib/tooling';
import { OosFixture, startOosFixture } from '../support/oos-fixture';

describe('plain HCL example', () => {
  let fixture: OosFixture;
  afterAll(async () => fixture?.dispose());

  test('examples/hcl-quickstart applies, outputs the webhook URL and then plans no changes', async () => {
    fixture = await startOosFixture({ TF_VAR_client_secret: 'quickstart-secret-value' });
    copyFileSync(join(PACKAGE_ROOT, 'examples/hcl-quickstart/main.tf'), join(fixture.workspace.dir, 'main.tf'));
    await fixture.workspace.init();
    await fixture.workspace.apply();

    const outputs = JSON.parse((await fixture.workspace.expect(['output', '-json'])).stdout);
    const remote = await fixture.client.getChatConfiguration('quickstart-bot');
    expect(outputs.webhook_url.value).toBe(remote.outputs.URL);
    expect(outputs.all_names.value).toEqual(['quickstart-bot']);
    expect((await fixture.workspace.planExitCode()).code).toBe(0);
  });
});
