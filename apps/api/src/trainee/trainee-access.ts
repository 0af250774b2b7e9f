import { HttpStatus } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { sha256 } from '../auth/auth.service';
import { DomainError, notFound } from '../common/domain.error';
import { Enrolment } from '../enrolments/enrolment.entity';
import { TrainingSession } from '../sessions/training-session.entity';

/** How a phone is known: the session by its join code, the trainee by the device token in the cookie. */
export async function sessionByCode(manager: EntityManager, code: string, lock = false): Promise<TrainingSession> {
  const session = await manager.findOne(TrainingSession, {
    where: { joinCode: code },
    ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
  });
  if (!session) throw notFound('JOIN_CODE_NOT_FOUND', 'ไม่พบรอบอบรมของรหัสนี้ ตรวจสอบรหัสอีกครั้ง');
  return session;
}

export async function enrolmentFor(manager: EntityManager, session: TrainingSession, deviceToken: string | undefined) {
  if (!deviceToken) return null;
  return manager.findOne(Enrolment, {
    where: { sessionId: session.id, deviceTokenHash: sha256(deviceToken) },
    relations: { person: true },
  });
}

/** The session and this phone's enrolment in it, or 401 NOT_JOINED. */
export async function requireTrainee(manager: EntityManager, code: string, deviceToken: string | undefined) {
  const session = await sessionByCode(manager, code);
  const enrolment = await enrolmentFor(manager, session, deviceToken);
  if (!enrolment) {
    throw new DomainError('NOT_JOINED', 'กรุณาลงชื่อเข้าร่วมรอบอบรมนี้ก่อน', HttpStatus.UNAUTHORIZED);
  }
  return { session, enrolment };
}
