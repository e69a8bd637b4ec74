/**
 * The go-plugin handshake contract between Terraform and a provider process, in one place for
 * the server, the bundler's warm start-up, the testing helper and the bench.
 */

/** go-plugin's guard against running a plugin by hand: Terraform sets this variable to this value. */
export const MAGIC_COOKIE_KEY = 'TF_PLUGIN_MAGIC_COOKIE';
export const MAGIC_COOKIE_VALUE = 'd602bf8f470bc67ca7faa0386276bbdd4330efaf76d1a219cb4d6991ca9872b2';
export const NOT_A_PROGRAM_MESSAGE =
  'This binary is a plugin. These are not meant to be executed directly. Please execute the program that consumes these plugins, which will load any plugins automatically';
export const CORE_PROTOCOL_VERSION = 1;
export const PROTOCOL_VERSION = 6;

/** The environment Terraform gives a provider it starts: the cookie, the protocols it speaks and its client certificate. */
export function pluginEnvironment(clientCertificatePem: string, protocolVersions = '5,6'): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    [MAGIC_COOKIE_KEY]: MAGIC_COOKIE_VALUE,
    PLUGIN_PROTOCOL_VERSIONS: protocolVersions,
    PLUGIN_CLIENT_CERT: clientCertificatePem,
  };
}
