/**
 * bench/cpu-split.ts tells terraform's CPU from its providers': every provider process Terraform
 * starts must report, or the providers' share would be counted as terraform's.
 */
import { splitCpu } from '../../bench/cpu-split';

test('each phase counts the provider processes Terraform started and the CPU of both sides', async () => {
  const result = await splitCpu(2, ['kit_echo']);
  const phases = result.kit_echo!;
  // Terraform starts a provider 4 times per apply, 3 per plan and 5 per destroy (Terraform 1.11).
  expect([phases.apply.providerProcesses, phases.plan.providerProcesses, phases.destroy.providerProcesses]).toEqual([4, 3, 5]);
  for (const phase of [phases.apply, phases.plan, phases.destroy]) {
    expect(phase.providerSeconds).toBeGreaterThan(0);
    expect(phase.terraformSeconds).toBeGreaterThan(0);
    expect(phase.emulatorSeconds).toBe(0);
  }
}, 120_000);
