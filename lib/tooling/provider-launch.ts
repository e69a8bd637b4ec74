import { MAGIC_COOKIE_KEY, MAGIC_COOKIE_VALUE } from '../provider/protocol/plugin-server';

/**
 * The environment Terraform (go-plugin) gives a provider it starts: the magic cookie, the plugin
 * protocol versions it speaks and its client certificate for mutual TLS. With `inherited` (default
 * only PATH) a caller can play Terraform's part without terraform.
 */
export function providerLaunchEnvironment(clientCertificatePem: string, inherited: NodeJS.ProcessEnv = { PATH: process.env.PATH }): NodeJS.ProcessEnv {
  return {
    ...inherited,
    [MAGIC_COOKIE_KEY]: MAGIC_COOKIE_VALUE,
    PLUGIN_PROTOCOL_VERSIONS: '5,6',
    PLUGIN_CLIENT_CERT: clientCertificatePem,
  };
}
