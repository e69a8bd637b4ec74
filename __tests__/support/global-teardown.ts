/** Fails the run when a test left anything in its HOME but the documented caches (see global-setup.ts). */
import { rmSync } from 'node:fs';
import { filesLeftInHome } from './home';

export default function globalTeardown(): void {
  const home = process.env.CHATOPS_TEST_HOME;
  if (!home) return;
  const left = filesLeftInHome(home);
  rmSync(home, { recursive: true, force: true });
  if (left.length > 0)
    throw new Error(`the tests left these in HOME, which only the documented caches may hold (__tests__/support/home.ts):\n  ${left.join('\n  ')}`);
}
