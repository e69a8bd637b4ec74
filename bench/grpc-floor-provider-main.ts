/** Entry point of the grpc-js floor provider (bench/grpc-floor-provider.ts), bundled by the per-RPC bench. */
import { serveFloor } from './grpc-floor-provider';

serveFloor();
