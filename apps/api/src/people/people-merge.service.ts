import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DuplicatePeople, EnrolmentStatusName, MergePeopleRequest, MergePeopleResult } from '@sujarit/contracts';
import { DataSource, EntityManager, In } from 'typeorm';
import { actorOf, AuditService } from '../audit/audit.service';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { conflict, DomainError, notFound } from '../common/domain.error';
import { Enrolment } from '../database/entities/enrolment.entity';
import { Person } from '../database/entities/person.entity';
import { toPersonView } from './people.mapper';

/** When one person has two enrolments in a session, the one that says more about what happened is kept. */
const STATUS_WEIGHT: Record<EnrolmentStatusName, number> = { attended: 4, enrolled: 3, absent: 2, waitlisted: 1, withdrawn: 0 };

/** Details the kept entry takes from a merged one only where it has none. */
const FILLABLE = ['village', 'school', 'ageBand', 'phone'] as const;

/**
 * One person entered twice (a walk-in registered again, a misspelt import) counts twice in "distinct people
 * trained". Merging moves every enrolment, and with it every attempt, to the entry that stays, then removes the others.
 */
@Injectable()
export class PeopleMergeService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** Groups of people not erased sharing one Thai name key, with what each holds; Thai order within a group. */
  async duplicates(organizationId: string): Promise<DuplicatePeople> {
    const people = await this.db.query(
      `WITH keys AS (
         SELECT name_key FROM people
          WHERE organization_id = $1 AND erased_at IS NULL AND name_key <> ''
          GROUP BY name_key HAVING count(*) > 1)
       SELECT p.id,
              (SELECT count(*) FROM enrolments e WHERE e.organization_id = $1 AND e.person_id = p.id)::int AS enrolments,
              (SELECT count(*) FROM attempts a JOIN enrolments e ON e.organization_id = a.organization_id AND e.id = a.enrolment_id
                WHERE a.organization_id = $1 AND e.person_id = p.id)::int AS attempts
         FROM people p JOIN keys USING (name_key)
        WHERE p.organization_id = $1 AND p.erased_at IS NULL`,
      [organizationId],
    ) as { id: string; enrolments: number; attempts: number }[];
    const counts = new Map(people.map((p) => [p.id, p]));
    const rows = people.length
      ? await this.db.getRepository(Person).find({ where: { organizationId, id: In(people.map((p) => p.id)) } })
      : [];
    const collator = new Intl.Collator('th');
    const byKey = new Map<string, Person[]>();
    for (const person of rows) byKey.set(person.nameKey, [...(byKey.get(person.nameKey) ?? []), person]);
    return {
      groups: [...byKey.values()]
        .map((group) => group.sort((a, b) => collator.compare(a.fullName, b.fullName) || a.createdAt.getTime() - b.createdAt.getTime()))
        .sort((a, b) => collator.compare(a[0].fullName, b[0].fullName))
        .map((group) => ({
          people: group.map((person) => ({
            ...toPersonView(person),
            enrolments: counts.get(person.id)?.enrolments ?? 0,
            attempts: counts.get(person.id)?.attempts ?? 0,
          })),
        })),
    };
  }

  async merge(user: AuthenticatedUser, request: MergePeopleRequest): Promise<MergePeopleResult> {
    const { organizationId } = user;
    const mergeIds = [...new Set(request.mergeIds)];
    if (mergeIds.includes(request.keepId)) {
      throw new DomainError('VALIDATION_FAILED', 'รายชื่อที่คงไว้ต้องไม่อยู่ในรายชื่อที่จะรวม');
    }
    return this.db.transaction(async (manager) => {
      const ids = [request.keepId, ...mergeIds];
      // Locked in one statement, in id order, so two merges of the same people wait for each other.
      const people = await manager
        .getRepository(Person)
        .createQueryBuilder('p')
        .where('p.organization_id = :organizationId AND p.id IN (:...ids)', { organizationId, ids })
        .orderBy('p.id')
        .setLock('pessimistic_write')
        .getMany();
      const keep = people.find((p) => p.id === request.keepId);
      const merged = mergeIds.map((id) => people.find((p) => p.id === id));
      if (!keep || merged.some((p) => !p)) throw notFound('PERSON_NOT_FOUND', 'ไม่พบผู้เข้าอบรมนี้ในทะเบียนของหน่วยงาน');
      const others = merged as Person[];
      if ([keep, ...others].some((p) => p.erasedAt)) throw conflict('PERSON_ERASED', 'ข้อมูลของบุคคลนี้ถูกลบไปแล้ว');
      if (others.some((p) => p.nameKey !== keep.nameKey)) {
        throw conflict('PEOPLE_NOT_SAME_NAME', 'รวมได้เฉพาะรายชื่อที่ชื่อ-นามสกุลตรงกัน');
      }
      let movedEnrolments = 0;
      let combinedEnrolments = 0;
      for (const other of others) {
        const result = await this.moveEnrolments(manager, organizationId, other, keep);
        movedEnrolments += result.moved;
        combinedEnrolments += result.combined;
      }
      const filled = fillMissing(keep, others);
      if (Object.keys(filled).length > 0) await manager.getRepository(Person).update({ id: keep.id, organizationId }, filled);
      await manager.getRepository(Person).delete({ organizationId, id: In(others.map((p) => p.id)) });
      // By registry id only, as for erasure: the names are the organizer's to see in the registry, not the log's.
      await this.audit.record(manager, actorOf(user), {
        action: 'person.merged',
        subject: { id: keep.id },
        details: { mergedIds: others.map((p) => p.id).join(','), movedEnrolments, combinedEnrolments },
      });
      const person = await manager.getRepository(Person).findOneByOrFail({ id: keep.id, organizationId });
      return { person: toPersonView(person), movedEnrolments, combinedEnrolments };
    });
  }

  /**
   * Every enrolment of `from` goes to `to`. Where both are in one session, the two become one: the enrolment with
   * attempts stays (both having attempts is refused: two sets of answers cannot become one), with the stronger status.
   */
  private async moveEnrolments(manager: EntityManager, organizationId: string, from: Person, to: Person) {
    const repository = manager.getRepository(Enrolment);
    const [fromEnrolments, toEnrolments] = await Promise.all([
      repository.find({ where: { organizationId, personId: from.id }, lock: { mode: 'pessimistic_write' } }),
      repository.find({ where: { organizationId, personId: to.id }, lock: { mode: 'pessimistic_write' } }),
    ]);
    // Certificates already handed out keep their codes: they follow the person, except where the kept entry holds its
    // own for the same session (the one left behind goes with the merged entry).
    await manager.query(
      `UPDATE certificates c SET person_id = $3
        WHERE c.organization_id = $1 AND c.person_id = $2
          AND NOT EXISTS (SELECT 1 FROM certificates k WHERE k.organization_id = $1 AND k.person_id = $3 AND k.session_id = c.session_id)`,
      [organizationId, from.id, to.id],
    );
    let moved = 0;
    let combined = 0;
    for (const enrolment of fromEnrolments) {
      const twin = toEnrolments.find((e) => e.sessionId === enrolment.sessionId);
      if (!twin) {
        await repository.update({ organizationId, id: enrolment.id }, { personId: to.id });
        moved += 1;
        continue;
      }
      const [fromAttempts, twinAttempts] = await Promise.all([
        this.attemptCount(manager, organizationId, enrolment.id),
        this.attemptCount(manager, organizationId, twin.id),
      ]);
      if (fromAttempts > 0 && twinAttempts > 0) {
        const [{ title }] = (await manager.query(
          `SELECT p.name || ' (' || s.title || ')' AS title FROM training_sessions s JOIN programs p ON p.organization_id = s.organization_id AND p.id = s.program_id
            WHERE s.organization_id = $1 AND s.id = $2`,
          [organizationId, enrolment.sessionId],
        )) as { title: string }[];
        throw conflict(
          'MERGE_ATTEMPTS_IN_SAME_SESSION',
          `ทั้งสองรายชื่อทำแบบทดสอบในรุ่นเดียวกัน (${title}) จึงรวมคำตอบเป็นชุดเดียวไม่ได้ ให้ตรวจสอบกับผู้เข้าอบรมก่อน`,
          { session: title },
        );
      }
      const [stays, goes] = fromAttempts > 0 ? [enrolment, twin] : [twin, enrolment];
      const stronger = STATUS_WEIGHT[enrolment.status] > STATUS_WEIGHT[twin.status] ? enrolment : twin;
      // The one that goes is removed first: the session allows one device and one check-in code per enrolment.
      await repository.delete({ organizationId, id: goes.id });
      await repository.update(
        { organizationId, id: stays.id },
        {
          personId: to.id,
          status: stronger.status,
          checkedInAt: stronger.checkedInAt ?? stays.checkedInAt,
          waitlistedAt: stronger.waitlistedAt,
          deviceTokenHash: stays.deviceTokenHash ?? goes.deviceTokenHash,
        },
      );
      combined += 1;
    }
    return { moved, combined };
  }

  private async attemptCount(manager: EntityManager, organizationId: string, enrolmentId: string): Promise<number> {
    const [{ count }] = (await manager.query(`SELECT count(*)::int AS count FROM attempts WHERE organization_id = $1 AND enrolment_id = $2`, [
      organizationId,
      enrolmentId,
    ])) as { count: number }[];
    return count;
  }
}

function fillMissing(keep: Person, others: Person[]): Partial<Person> {
  const filled: Partial<Person> = {};
  for (const field of FILLABLE) {
    if (keep[field] !== null) continue;
    const source = others.find((p) => p[field] !== null);
    if (source) Object.assign(filled, { [field]: source[field] });
  }
  // A guardian's consent travels with its record time, never one without the other.
  if (!keep.guardianName) {
    const source = others.find((p) => p.guardianName && p.guardianConsentRecordedAt);
    if (source) Object.assign(filled, { guardianName: source.guardianName, guardianConsentRecordedAt: source.guardianConsentRecordedAt });
  }
  return filled;
}
