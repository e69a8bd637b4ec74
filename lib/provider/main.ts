/** Entry point of terraform-provider-oos: Terraform starts this program and talks tfplugin6 to it. */
import { createProvider } from './provider';
import { serve } from '../tfplugin';

serve(createProvider);
