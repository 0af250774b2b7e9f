import {
  isValidationMessageKey,
  issueParams,
  issueTextKey,
  wordValidationMessagesWith,
  type IssueParams,
} from '@sujarit/contracts';
import { config } from 'zod/v4/core';
import { i18n } from './i18n';

/**
 * A field's problem in the reader's language, from its code and values: a schema's own message key, or zod's issue
 * code (too_big with its maximum, …). The same words for the form's own check and for the API's answer.
 */
export function issueText(code: string | undefined, params: IssueParams = {}): string {
  if (code && isValidationMessageKey(code)) return i18n.t(`validation.messages.${code}`, params);
  return i18n.t(`validation.${issueTextKey(code, params)}`, params);
}

/**
 * Every message a schema makes in this app is worded here at the moment it checks: zod's own (by issue code, where no
 * schema gave one) and the contracts' own (by key), so neither zod's English nor the contracts' Thai reaches a reader
 * of the other language.
 */
export function wordValidationInReadersLanguage(): void {
  config({
    customError: (issue) => {
      // A value left empty (undefined) is a field not filled in, not a type mistake.
      if (issue.code === 'invalid_type' && issue.input === undefined) return i18n.t('validation.required');
      return issueText(issue.code, issueParams(issue));
    },
  });
  wordValidationMessagesWith((key, params) => issueText(key, params));
}
