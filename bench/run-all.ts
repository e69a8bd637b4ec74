/** `npm run bench`: every performance target of the project, measured in one run. */
import { runEmulatorBench } from './emulator-bench';
import { runProviderApplyBench } from './provider-apply-bench';
import { runProviderStartupBench } from './provider-startup-bench';

async function main(): Promise<void> {
  const emulator = await runEmulatorBench();
  console.log(`emulator: ${Math.round(emulator.requestsPerSecond)} signed requests/s (target >= 2000)`);

  const startup = await runProviderStartupBench();
  console.log(`provider start to handshake: median ${startup.medianMs.toFixed(1)} ms, p90 ${startup.p90Ms.toFixed(1)} ms (target median <= 120)`);

  const apply = await runProviderApplyBench();
  console.log(
    `apply of 300: terraform_data ${apply.terraformDataSeconds.toFixed(2)} s, oos_chat_configuration ${apply.chatConfigurationSeconds.toFixed(2)} s, ` +
      `ratio ${apply.ratio.toFixed(2)} (target <= 1.5)`,
  );
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
