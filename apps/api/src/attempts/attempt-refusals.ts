import { testState, type TestWindow } from '@sujarit/domain';
import { conflict } from '../common/domain.error';

/** Starting a new attempt needs the test open now; the refusal says when it opens, in Thai. */
export function requireOpen(test: TestWindow, now: Date): void {
  const state = testState(test, now);
  if (state === 'open') return;
  const message =
    state === 'draft'
      ? 'แบบทดสอบยังไม่เปิด กรุณารอผู้จัดการอบรม'
      : state === 'scheduled'
        ? `แบบทดสอบจะเปิดให้ทำ ${formatThaiDateTime(test.opensAt as Date)}`
        : 'แบบทดสอบปิดแล้ว';
  throw conflict('ASSESSMENT_NOT_OPEN', message);
}

/** Saving an answer needs the test open; an attempt already started keeps going until its own deadline. */
export function requireAnswerable(test: TestWindow, now: Date): void {
  if (test.status !== 'open') requireOpen(test, now);
}

function formatThaiDateTime(at: Date): string {
  return `${new Intl.DateTimeFormat('th-TH-u-ca-buddhist', { timeZone: 'Asia/Bangkok', dateStyle: 'long', timeStyle: 'short' }).format(at)} น.`;
}
