/** The acceptance suite against the emulator's default (model) profile; a real run (CHATOPS_ACCEPTANCE=1) needs it once only. */
import { defineAcceptanceSuite } from './suite';

if (process.env.CHATOPS_ACCEPTANCE === '1') test.skip('runs once against the cloud, in strict.test.ts', () => undefined);
else defineAcceptanceSuite('model');
