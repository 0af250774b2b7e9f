import {
  isValidationMessageKey,
  issueParams,
  wordValidationMessagesWith,
  type IssueParams,
} from '@sujarit/contracts';
import { z } from 'zod';
import { i18n } from './i18n';

/**
 * A field's problem in the reader's language, from its code and values: a schema's own message key, or zod's issue
 * code (too_big with its maximum, …). The same words for the form's own check and for the API's answer.
 */
export function issueText(code: string | undefined, params: IssueParams = {}): string {
  if (code && isValidationMessageKey(code)) return i18n.t(`validation.messages.${code}`, params);
  const { origin, expected, format } = params;
  switch (code) {
    case 'too_small':
      if (origin === 'string') return params['minimum'] === 1 ? i18n.t('validation.required') : i18n.t('validation.tooShort', params);
      if (origin === 'array' || origin === 'set') return i18n.t('validation.tooFewItems', params);
      return i18n.t('validation.tooSmall', params);
    case 'too_big':
      if (origin === 'string') return i18n.t('validation.tooLong', params);
      if (origin === 'array' || origin === 'set') return i18n.t('validation.tooManyItems', params);
      return i18n.t('validation.tooBig', params);
    case 'invalid_type':
      if (expected === 'number') return i18n.t('validation.notNumber');
      if (expected === 'int') return i18n.t('validation.notInteger');
      if (expected === 'string') return i18n.t('validation.notText');
      return i18n.t('validation.wrongType');
    case 'invalid_format':
      return format === 'email' ? i18n.t('validation.email') : i18n.t('validation.wrongFormat');
    case 'invalid_value':
      return i18n.t('validation.notAnOption');
    case 'not_multiple_of':
      return i18n.t('validation.notMultipleOf', params);
    case 'unrecognized_keys':
      return i18n.t('validation.unknownFields', params);
    default:
      return i18n.t('validation.invalid');
  }
}

/**
 * Every message a schema makes in this app is worded here at the moment it checks: zod's own (by issue code, where no
 * schema gave one) and the contracts' own (by key), so neither zod's English nor the contracts' Thai reaches a reader
 * of the other language.
 */
export function wordValidationInReadersLanguage(): void {
  z.config({
    customError: (issue) => {
      // A value left empty (undefined) is a field not filled in, not a type mistake.
      if (issue.code === 'invalid_type' && issue.input === undefined) return i18n.t('validation.required');
      return issueText(issue.code, issueParams(issue));
    },
  });
  wordValidationMessagesWith((key, params) => issueText(key, params));
}
