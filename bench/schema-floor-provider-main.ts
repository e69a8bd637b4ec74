/** Entry point of the schema-floor provider (bench/schema-floor-provider.ts), bundled by the comparison bench. */
import { serve } from '../lib/tfplugin/serve';

serve(() => require('./schema-floor-provider').schemaFloorProvider);
