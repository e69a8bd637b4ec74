export * from './chat-configuration';
export * from './chatops-stack';
export * from './platform';
export * from './secret';
export * from './secret-parameter';
export * from './tagging';
export * as oos from '../../.gen/providers/oos';
