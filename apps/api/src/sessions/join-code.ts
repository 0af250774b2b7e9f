import { JOIN_CODE_ALPHABET } from '@sujarit/contracts';
import { randomInt } from 'node:crypto';

/** 6 characters from 31 without look-alikes: about 887 million codes, drawn with a CSPRNG. */
export function newJoinCode(): string {
  let code = '';
  for (let i = 0; i < 6; i++) code += JOIN_CODE_ALPHABET[randomInt(JOIN_CODE_ALPHABET.length)];
  return code;
}

export const joinPath = (joinCode: string) => `/j/${joinCode}`;
