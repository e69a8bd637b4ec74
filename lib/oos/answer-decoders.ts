/**
 * What each OOS action answers, decoded into this client's types. Each field is named once; the
 * reader (answers.ts) puts it on its path for errors.
 */
import type { AnswerObject } from './answers';
import type { ChatConfiguration, ChatConfigurationStamp, ChatConfigurationSummary, SecretParameter, TagResource } from './types';

/** For actions whose answer carries nothing but the RequestId. */
export function ignoreAnswer(): void {}

/** The timestamps of a configuration, as Create, Update, Get and List items carry them. */
function stampOf(c: AnswerObject): ChatConfigurationStamp {
  return { name: c.string('Name'), createdDate: c.string('CreatedDate'), updatedDate: c.optionalString('UpdatedDate') };
}

/** The fields Get and List items share. */
function summaryOf(c: AnswerObject): ChatConfigurationSummary {
  return { ...stampOf(c), type: c.string('Type'), ramRole: c.optionalString('RamRole'), outputs: c.jsonMap('Outputs') };
}

/** Create and Update answer `{ChatConfiguration: {Name, CreatedDate, UpdatedDate}}`. */
export function readStamp(answer: AnswerObject): ChatConfigurationStamp {
  return stampOf(answer.object('ChatConfiguration'));
}

export function readChatConfiguration(answer: AnswerObject): ChatConfiguration {
  const c = answer.object('ChatConfiguration');
  return { ...summaryOf(c), configuration: c.jsonMap('Configuration'), resourceGroupId: c.optionalString('ResourceGroupId') };
}

/** One page of ListChatConfigurations. */
export function readSummaries(answer: AnswerObject): ChatConfigurationSummary[] {
  return answer.list('ChatConfigurations', 'ChatConfiguration').map(summaryOf);
}

/** One page of ListTagResources; a row without ResourceType is of the type asked for. */
export function readTagResources(answer: AnswerObject, resourceType: string): TagResource[] {
  return answer.list('TagResources', 'TagResource').map((t) => ({
    resourceId: t.string('ResourceId'),
    resourceType: t.optionalString('ResourceType') || resourceType,
    tagKey: t.string('TagKey'),
    tagValue: t.optionalString('TagValue'),
  }));
}

/** `withValue`: the answer must carry the value (asked WithDecryption). */
export function readSecretParameter(answer: AnswerObject, withValue: boolean): SecretParameter {
  const p = answer.object('Parameter');
  return {
    name: p.string('Name'),
    parameterVersion: p.number('ParameterVersion'),
    value: withValue ? p.string('Value') : p.optionalString('Value'),
    createdDate: p.optionalString('CreatedDate'),
    updatedDate: p.optionalString('UpdatedDate'),
    description: p.optionalString('Description'),
    keyId: p.optionalString('KeyId'),
    constraints: p.optionalString('Constraints'),
    resourceGroupId: p.optionalString('ResourceGroupId'),
    // Get documents Tags as an object, Update's answer carries JSON text: both are read.
    tags: p.stringMap('Tags'),
  };
}
