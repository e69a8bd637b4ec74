import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { placeFile, PROVIDER_ADDRESS, type ProviderAddress, type ReleaseArchive } from './mirror';
import type { Signature } from './signing';

export interface RegistryRelease {
  readonly version: string;
  readonly archives: readonly ReleaseArchive[];
  readonly checksumsFile: string;
  readonly signatureFile: string;
  readonly signature: Signature;
}

interface VersionsDocument {
  versions: Array<{ version: string; protocols: string[]; platforms: Array<{ os: string; arch: string }> }>;
}

/**
 * A static provider registry (the provider registry protocol's `providers.v1` service) under
 * `<root>/v1/providers/<namespace>/<type>/`, with the release files under `<root>/files/<version>/`.
 * Served at `baseUrl` over HTTPS, Terraform checks SHA256SUMS against its signature, installs
 * "(signed, key ID ...)" and records `zh:` hashes for every platform in the lock file.
 * The host's service discovery (`/.well-known/terraform.json` on the provider's host, or a CLI
 * config `host` block) must point `providers.v1` at `<baseUrl>/v1/providers/`. Returns `root`.
 */
export function layOutRegistry(release: RegistryRelease, root: string, baseUrl: string, address: ProviderAddress = PROVIDER_ADDRESS): string {
  const base = baseUrl.replace(/\/+$/, '');
  const filesDir = join(root, 'files', release.version);
  mkdirSync(filesDir, { recursive: true });
  for (const file of [release.checksumsFile, release.signatureFile, ...release.archives.map((archive) => archive.file)]) {
    placeFile(file, join(filesDir, basename(file)));
  }
  const fileUrl = (file: string): string => `${base}/files/${release.version}/${basename(file)}`;
  const providerDir = join(root, 'v1', 'providers', address.namespace, address.type);
  const platforms = release.archives.map((archive) => {
    const [os, arch] = archive.platform.split('_');
    return { os, arch, archive };
  });
  for (const { os, arch, archive } of platforms) {
    const downloadDir = join(providerDir, release.version, 'download', os);
    mkdirSync(downloadDir, { recursive: true });
    const download = {
      protocols: ['6.0'],
      os,
      arch,
      filename: basename(archive.file),
      download_url: fileUrl(archive.file),
      shasums_url: fileUrl(release.checksumsFile),
      shasums_signature_url: fileUrl(release.signatureFile),
      shasum: archive.zh.slice('zh:'.length),
      signing_keys: { gpg_public_keys: [{ key_id: release.signature.keyId, ascii_armor: release.signature.armoredPublicKey }] },
    };
    writeFileSync(join(downloadDir, arch), JSON.stringify(download, null, 2) + '\n');
  }
  const versionsFile = join(providerDir, 'versions');
  const document: VersionsDocument = existsSync(versionsFile) ? (JSON.parse(readFileSync(versionsFile, 'utf8')) as VersionsDocument) : { versions: [] };
  document.versions = [
    ...document.versions.filter((entry) => entry.version !== release.version),
    { version: release.version, protocols: ['6.0'], platforms: platforms.map(({ os, arch }) => ({ os, arch })) },
  ];
  writeFileSync(versionsFile, JSON.stringify(document, null, 2) + '\n');
  return root;
}
