/** Registry address of this project's provider; the host never resolves, so Terraform never goes online for it. */
export const PROVIDER_HOST = 'oos-chatops.local';
export const PROVIDER_NAMESPACE = 'chatops';
export const PROVIDER_TYPE = 'oos';
export const PROVIDER_SOURCE = `${PROVIDER_HOST}/${PROVIDER_NAMESPACE}/${PROVIDER_TYPE}`;
