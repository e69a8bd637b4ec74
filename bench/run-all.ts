/** `npm run bench`: every performance target of the project, measured in one run. */
import { runEmulatorBench } from './emulator-bench';
import { describeApplyBench, runProviderApplyBench } from './provider-apply-bench';
import { runProviderStartupBench } from './provider-startup-bench';

async function main(): Promise<void> {
  const emulator = await runEmulatorBench();
  console.log(`emulator: ${Math.round(emulator.requestsPerSecond)} signed requests/s (target >= 2000)`);

  const startup = await runProviderStartupBench();
  console.log(`provider start to handshake: median ${startup.medianMs.toFixed(1)} ms, p90 ${startup.p90Ms.toFixed(1)} ms (target median <= 120)`);

  console.log(describeApplyBench(await runProviderApplyBench()));
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
