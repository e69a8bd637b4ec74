/**
 * The one module through which this library uses the CDK for Terraform framework.
 *
 * cdktf was archived on 2025-12-10; its community fork CDK Terrain (`cdktn`) is a package
 * rename. Every other file (generated bindings included) imports from here, so the move is
 * a change to the `from` line below and nothing else.
 */
export {
  // app, stacks and elements
  App,
  type AppConfig,
  TerraformStack,
  TerraformElement,
  TerraformOutput,
  type TerraformOutputConfig,
  TerraformVariable,
  type TerraformVariableConfig,
  TerraformResource,
  type TerraformResourceConfig,
  TerraformDataSource,
  TerraformProvider,
  type TerraformProviderConfig,
  type TerraformMetaArguments,
  type TerraformProviderGeneratorMetadata,
  ImportableResource,
  // backends
  TerraformBackend,
  LocalBackend,
  type LocalBackendConfig,
  OssBackend,
  type OssBackendConfig,
  PgBackend,
  type PgBackendConfig,
  CloudBackend,
  type CloudBackendConfig,
  NamedCloudWorkspace,
  // aspects, annotations and testing
  Aspects,
  type IAspect,
  Annotations,
  Testing,
  // tokens and functions
  Token,
  Tokenization,
  Fn,
  Lazy,
  type IResolvable,
  type IInterpolatingParent,
  // what generated bindings need to (de)serialise attributes
  ComplexObject,
  ComplexList,
  StringMap,
  canInspect,
  isComplexElement,
  stringToTerraform,
  stringToHclTerraform,
  numberToTerraform,
  numberToHclTerraform,
  booleanToTerraform,
  booleanToHclTerraform,
  hashMapper,
  hashMapperHcl,
  listMapper,
  listMapperHcl,
} from 'cdktf';
