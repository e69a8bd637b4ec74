/**
 * Entry point of terraform-provider-oos: Terraform starts this program and talks tfplugin6 to it.
 * Only `serve` loads before the handshake; the provider (its resources, the OOS client, the kit's
 * codecs) is required at Terraform's first RPC, so each of the 3–5 starts of a command is shorter.
 */
import { serve } from '../tfplugin/serve';

serve(() => (require('./provider') as typeof import('./provider')).createProvider());
