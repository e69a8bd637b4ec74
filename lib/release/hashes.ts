import { createHash } from 'node:crypto';

export function sha256Hex(data: Buffer | string): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Terraform's `zh:` hash of a provider package: the SHA-256 of the zip archive itself. */
export function zipHash(archive: Buffer): string {
  return `zh:${sha256Hex(archive)}`;
}

/**
 * Terraform's `h1:` hash of a provider package: Go's dirhash "Hash1" over the files the archive
 * holds (one `<sha256 hex>  <name>\n` line per file, sorted by name, then SHA-256, base64). It is
 * the same whether Terraform sees the zip or the unpacked folder, which is why lock files prefer it.
 */
export function packageHash(files: ReadonlyArray<{ readonly name: string; readonly data: Buffer }>): string {
  const lines = [...files]
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map((file) => `${sha256Hex(file.data)}  ${file.name}\n`)
    .join('');
  return `h1:${createHash('sha256').update(lines).digest('base64')}`;
}
