/**
 * dev targets the emulator only: with real-looking keys in the shell and no emulator endpoint,
 * `npm run plan -- dev` fails at provider configuration, before any call, saying what to start.
 */
import { Checkout, PipelineFixture, startPipeline } from './support/pipeline';

let pipeline: PipelineFixture;
let checkout: Checkout;
beforeAll(async () => {
  pipeline = await startPipeline();
  checkout = pipeline.checkout();
});
afterAll(async () => pipeline?.dispose());

test('npm run plan -- dev without ALIBABA_CLOUD_OOS_ENDPOINT fails before any call, naming npm run emulator', async () => {
  const result = await pipeline.run(checkout, 'plan', ['dev'], {
    ALIBABA_CLOUD_OOS_ENDPOINT: '',
    ALIBABA_CLOUD_ACCESS_KEY_ID: 'LTAIrealLookingKey01',
    ALIBABA_CLOUD_ACCESS_KEY_SECRET: 'real-looking-secret',
  });
  expect(result.code).toBe(1);
  const output = result.output.replace(/[│\s]+/g, ' ');
  expect(output).toMatch(/Invalid oos provider configuration/);
  expect(output).toMatch(/emulator_only = true .*no endpoint is set.*real OOS.*npm run emulator/);
  expect(await pipeline.configurationNames()).toEqual([]);
});

test('an endpoint that is not this machine is refused the same way', async () => {
  const result = await pipeline.run(checkout, 'plan', ['dev'], { ALIBABA_CLOUD_OOS_ENDPOINT: 'https://oos.cn-hangzhou.aliyuncs.com' });
  expect(result.code).toBe(1);
  expect(result.output.replace(/[│\s]+/g, ' ')).toMatch(/"https:\/\/oos\.cn-hangzhou\.aliyuncs\.com" is .*not on this machine/);
});
