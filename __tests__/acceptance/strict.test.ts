/** The acceptance suite against the OOS of the usual variables (CHATOPS_ACCEPTANCE=1), else the strict emulator. */
import { defineAcceptanceSuite } from './suite';

defineAcceptanceSuite('strict');
