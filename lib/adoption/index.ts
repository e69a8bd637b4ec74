/**
 * Adoption: the chat configurations made outside this app (in the console, by another tool) that
 * a stack can take over, and the construct statements that import them (`npm run adopt`).
 * Imports lib/domain and lib/oos.
 */
export type {
  AdoptionCandidate,
  AdoptionReport,
  AdoptionRequest,
  ChatConfigurationReader,
  SecretPlaceholder,
  SecretSource,
  StackOwnership,
} from './candidates';
export { AdoptionError, findAdoptionCandidates } from './candidates';
export type { AdoptionTarget } from './reader';
export { adoptionClient } from './reader';
export { adoptionNotes, adoptionStatements, secretInstruction } from './statements';
