import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { sha256 } from '../common/sha256';
import { DomainError, notFound } from '../common/domain.error';
import { currentOrganizationId, findOrganization, inOrganization } from '../database/tenancy';
import { Enrolment } from '../database/entities/enrolment.entity';
import { TrainingSession } from '../database/entities/training-session.entity';
import { ThrottleService } from '../throttle/throttle.service';

/**
 * Wrong join codes answered per client address in a window. A meeting hall may put 190 phones behind one Wi-Fi
 * address: most scan the QR code, some type the code and a few of those mistype it once or twice, so a hall
 * makes a few dozen wrong codes at worst; 100 leaves room for several halls' worth. Someone guessing codes gets
 * 100 per 15 minutes (about 9,600 a day) instead of every one they send, among about 887 million codes.
 */
export const WRONG_JOIN_CODE_LIMIT = 100;
export const WRONG_JOIN_CODE_WINDOW_MS = 15 * 60 * 1000;

/**
 * Wrong personal check-in codes per session and address in a window. A hall's honest typos of a 4-digit code
 * are a handful; 30 lets someone who knows a listed name hit that person's code (1 in 10,000) with a chance of
 * about 0.3 % per window.
 */
export const WRONG_CHECK_IN_CODE_LIMIT = 30;
export const WRONG_CHECK_IN_CODE_WINDOW_MS = 15 * 60 * 1000;

/** How many join codes a process remembers the organization of: far more than the sessions running at once. */
const KNOWN_JOIN_CODES = 10_000;

const wrongJoinCodes = (address: string) => ({
  key: `join-code\n${address}`,
  limit: WRONG_JOIN_CODE_LIMIT,
  windowMs: WRONG_JOIN_CODE_WINDOW_MS,
});

const wrongCheckInCodes = (sessionId: string, address: string) => ({
  key: `check-in-code\n${sessionId}\n${address}`,
  limit: WRONG_CHECK_IN_CODE_LIMIT,
  windowMs: WRONG_CHECK_IN_CODE_WINDOW_MS,
});

const tooManyJoinCodes = () =>
  new DomainError(
    'TOO_MANY_JOIN_CODE_ATTEMPTS',
    'กรอกรหัสเข้าร่วมผิดหลายครั้งเกินไปจากเครือข่ายนี้ กรุณารอ 15 นาทีแล้วลองใหม่ หรือสแกนคิวอาร์โค้ดจากผู้จัดการอบรม',
    HttpStatus.TOO_MANY_REQUESTS,
  );

const tooManyCheckInCodes = () =>
  new DomainError(
    'TOO_MANY_CHECK_IN_CODE_ATTEMPTS',
    'กรอกรหัสเช็กอินส่วนตัวผิดหลายครั้งเกินไป กรุณาติดต่อผู้จัดการอบรมที่โต๊ะลงทะเบียน',
    HttpStatus.TOO_MANY_REQUESTS,
  );

const notJoined = () => new DomainError('NOT_JOINED', 'กรุณาลงชื่อเข้าร่วมรอบอบรมนี้ก่อน', HttpStatus.UNAUTHORIZED);

/**
 * A code that matches no session, or a personal check-in code that matches no enrolment of the name, found inside a
 * request's transaction: counted by `answer` once that transaction is over, so a request never holds one
 * connection while it waits for another.
 */
class WrongCode extends Error {
  constructor(readonly kind: 'join' | 'check-in', readonly sessionId: string | null = null) {
    super(`wrong ${kind} code`);
  }
}

export const wrongCheckInCode = (sessionId: string) => new WrongCode('check-in', sessionId);

/**
 * How a phone is known: the session by its join code, the trainee by the device token in the cookie. Wrong join
 * codes are counted per client address; once an address has used up its allowance, every request from it that
 * is not from a phone already joined to that session is refused alike (429), whether its code is right or not, so
 * the answer tells nothing about the code. A phone that joined keeps working and costs no extra query.
 */
@Injectable()
export class TraineeAccess {
  /**
   * Join codes known to this process and their organizations. A code never changes hands (a deleted session's code
   * stays taken in join_codes), so a phone's every tap after the first costs no lookup; codes of no session are
   * looked up each time, as one may be given out later.
   */
  private readonly organizationsOfCodes = new Map<string, string>();

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly throttle: ThrottleService,
  ) {}

  /**
   * Runs one request of a phone in the organization of its join code (none for a code of no session, whose queries
   * then find nothing); a wrong code met inside it is counted afterwards and answered 404/400, or 429.
   */
  async answer<T>(code: string, address: string, work: () => Promise<T>): Promise<T> {
    try {
      return await inOrganization(await this.organizationOf(code), work);
    } catch (error) {
      if (!(error instanceof WrongCode)) throw error;
      if (error.kind === 'check-in' && error.sessionId) return this.countWrongCheckInCode(error.sessionId, address);
      return this.countWrongJoinCode(address);
    }
  }

  private async organizationOf(code: string): Promise<string | null> {
    const known = this.organizationsOfCodes.get(code);
    if (known) return known;
    const found = await findOrganization(this.db.manager, 'joinCode', code);
    if (!found) return null;
    if (this.organizationsOfCodes.size >= KNOWN_JOIN_CODES) this.organizationsOfCodes.delete(this.organizationsOfCodes.keys().next().value as string);
    this.organizationsOfCodes.set(code, found);
    return found;
  }

  /** The session and this phone's enrolment, which may be missing (the page and check-in). Inside `answer`. */
  async open(
    manager: EntityManager,
    code: string,
    deviceToken: string | undefined,
    address: string,
    options: { lock?: boolean; person?: boolean } = {},
  ): Promise<{ session: TrainingSession; enrolment: Enrolment | null }> {
    // The organization `answer` found by the code (the one global table, join_codes); then the session within it.
    const organizationId = currentOrganizationId();
    const session =
      organizationId &&
      (await manager.findOne(TrainingSession, {
        where: { organizationId, joinCode: code },
        ...(options.lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
      }));
    if (!session) throw new WrongCode('join');
    const enrolment = await enrolmentFor(manager, session, deviceToken, { person: options.person });
    if (!enrolment && !(await this.throttle.isLimited(wrongJoinCodes(address), manager)).allowed) throw tooManyJoinCodes();
    return { session, enrolment };
  }

  /**
   * The session and this phone's enrolment, or 401 NOT_JOINED (429 from an address that guessed too often). Without
   * its person: a test's requests need only whose attempt it is.
   */
  async require(manager: EntityManager, code: string, deviceToken: string | undefined, address: string) {
    const { session, enrolment } = await this.open(manager, code, deviceToken, address, { person: false });
    if (!enrolment) throw notJoined();
    return { session, enrolment };
  }

  /** Before a personal check-in code is compared: an address that guessed too often is refused, right code or not. */
  async refuseWhenCheckInCodesLimited(manager: EntityManager, sessionId: string, address: string): Promise<void> {
    if (!(await this.throttle.isLimited(wrongCheckInCodes(sessionId, address), manager)).allowed) throw tooManyCheckInCodes();
  }

  /**
   * An unknown code is counted; while the address's allowance lasts it is answered 404, then 429. A limited address
   * is refused by the same peek as a right code from a phone not joined, so the answer tells them apart by nothing.
   */
  private async countWrongJoinCode(address: string): Promise<never> {
    if (!(await this.throttle.isLimited(wrongJoinCodes(address))).allowed) throw tooManyJoinCodes();
    if (!(await this.throttle.take([wrongJoinCodes(address)])).allowed) throw tooManyJoinCodes();
    throw notFound('JOIN_CODE_NOT_FOUND', 'ไม่พบรอบอบรมของรหัสนี้ ตรวจสอบรหัสอีกครั้ง');
  }

  /** A wrong personal check-in code: counted, and answered 400 while the allowance lasts, then 429. */
  private async countWrongCheckInCode(sessionId: string, address: string): Promise<never> {
    if (!(await this.throttle.take([wrongCheckInCodes(sessionId, address)])).allowed) throw tooManyCheckInCodes();
    throw new DomainError('CHECK_IN_CODE_WRONG', 'รหัสเช็กอินส่วนตัวไม่ตรงกับชื่อนี้ ตรวจสอบรหัสข้างชื่อของท่านในรายชื่อ หรือติดต่อผู้จัดการอบรม');
  }
}

/**
 * The enrolment this device token holds in the session, with its person (the name the page shows) unless `person`
 * is false. One query: TypeORM's `findOne` with a relation makes two (a DISTINCT of ids, then the rows).
 */
export async function enrolmentFor(
  manager: EntityManager,
  session: TrainingSession,
  deviceToken: string | undefined,
  options: { person?: boolean } = {},
) {
  if (!deviceToken) return null;
  const query = manager
    .getRepository(Enrolment)
    .createQueryBuilder('e')
    .where('e.organization_id = :organizationId AND e.session_id = :sessionId AND e.device_token_hash = :hash', {
      organizationId: session.organizationId,
      sessionId: session.id,
      hash: sha256(deviceToken),
    });
  if (options.person !== false) query.leftJoinAndSelect('e.person', 'person');
  return query.getOne();
}
