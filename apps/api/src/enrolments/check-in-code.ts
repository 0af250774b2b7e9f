import { CHECK_IN_CODE_LENGTH } from '@sujarit/contracts';
import { randomInt } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { conflict } from '../common/domain.error';

const CODE_SPACE = 10 ** CHECK_IN_CODE_LENGTH;

export const formatCheckInCode = (n: number) => String(n).padStart(CHECK_IN_CODE_LENGTH, '0');

/**
 * Draws each new enrolment's personal check-in code: 4 digits from a CSPRNG, unique within the session. Codes in
 * use are read once, so a whole import draws from one set; the caller holds the session's row lock, so two
 * enrolments made at once never draw the same code.
 */
export async function checkInCodeDrawer(manager: EntityManager, sessionId: string): Promise<() => string> {
  const rows: { check_in_code: string }[] = await manager.query(`SELECT check_in_code FROM enrolments WHERE session_id = $1`, [sessionId]);
  const used = new Set(rows.map((r) => r.check_in_code));
  return () => {
    if (used.size >= CODE_SPACE) {
      throw conflict('INVALID_STATE', 'รอบอบรมนี้มีผู้ลงทะเบียนครบจำนวนรหัสเช็กอินแล้ว (10,000 คน) เพิ่มไม่ได้');
    }
    // Below half full a random draw is almost always free; past that, pick the n-th free code instead.
    if (used.size < CODE_SPACE / 2) {
      for (;;) {
        const code = formatCheckInCode(randomInt(CODE_SPACE));
        if (!used.has(code)) return take(used, code);
      }
    }
    let n = randomInt(CODE_SPACE - used.size);
    for (let i = 0; i < CODE_SPACE; i++) {
      const code = formatCheckInCode(i);
      if (used.has(code)) continue;
      if (n-- === 0) return take(used, code);
    }
    throw new Error('unreachable: a free check-in code was counted but not found');
  };
}

function take(used: Set<string>, code: string): string {
  used.add(code);
  return code;
}
