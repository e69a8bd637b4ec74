/**
 * The protobufjs descriptors of the .proto files the kit serves. The provider bundle gets them
 * compiled in (scripts/bundle-provider.ts swaps this module for the JSON), so nothing parses a
 * .proto when a provider starts. Elsewhere they come from the build's descriptors.json beside
 * this module, or, running from source, from the .proto files themselves.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { INamespace } from 'protobufjs';

const PROTO_FILES = ['tfplugin6.proto', 'go-plugin.proto', 'health.proto'];
export const DESCRIPTORS_FILE = 'descriptors.json';
/**
 * Where the .proto files sit in the source tree, and where the build writes descriptors.json: beside
 * this module, or, when this module was bundled elsewhere (dist/cli), in the checkout above it.
 */
export const PROTO_DIR = findProtoDir(__dirname);

function findProtoDir(from: string): string {
  for (let dir = from; dirname(dir) !== dir; dir = dirname(dir)) {
    for (const candidate of [join(dir, 'proto'), join(dir, 'lib', 'tfplugin', 'protocol', 'proto')]) {
      if (existsSync(join(candidate, PROTO_FILES[0])) || existsSync(join(candidate, DESCRIPTORS_FILE))) return candidate;
    }
  }
  return join(from, 'proto');
}

export function protoDescriptors(): INamespace {
  const compiled = join(PROTO_DIR, DESCRIPTORS_FILE);
  if (existsSync(compiled)) {
    const descriptors: INamespace = JSON.parse(readFileSync(compiled, 'utf8'));
    return descriptors;
  }
  return compileProtoDescriptors(PROTO_DIR);
}

/** Parses the .proto files in `protoDir`; field names stay as in the .proto (snake_case). */
export function compileProtoDescriptors(protoDir: string): INamespace {
  // The full protobufjs (with the parser) is only needed here, never in a provider bundle.
  const protobuf: typeof import('protobufjs') = require('protobufjs');
  const root = new protobuf.Root();
  for (const file of PROTO_FILES) protobuf.parse(readFileSync(join(protoDir, file), 'utf8'), root, { keepCase: true });
  return root.toJSON({ keepComments: false });
}
