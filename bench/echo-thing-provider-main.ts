/** Entry point of the kit's `echo_thing` provider, bundled by the comparison bench like the real provider. */
import { serve } from '../lib/tfplugin/serve';

serve(() => require('./echo-thing-provider').echoThingProvider);
