import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CreatePersonRequest, Person as PersonView, PersonList, PersonGroup, UpdatePersonRequest } from '@sujarit/contracts';
import { thaiNameKey } from '@sujarit/domain';
import { DataSource, EntityManager } from 'typeorm';
import { actorOf, AuditService } from '../audit/audit.service';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { Clock } from '../common/clock';
import { conflict, notFound } from '../common/domain.error';
import { toPersonView } from './people.mapper';
import { Person } from '../database/entities/person.entity';

export const ERASED_NAME = 'ลบข้อมูลแล้ว';

@Injectable()
export class PeopleService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** Adds a person; people with the same normalized name, group and village come back as possible duplicates. */
  async create(organizationId: string, request: CreatePersonRequest): Promise<{ person: PersonView; possibleDuplicates: PersonView[] }> {
    const possibleDuplicates = await this.findSame(this.db.manager, organizationId, request);
    const person = await this.insert(this.db.manager, organizationId, request);
    return { person: toPersonView(person), possibleDuplicates: possibleDuplicates.map(toPersonView) };
  }

  insert(manager: EntityManager, organizationId: string, request: CreatePersonRequest): Promise<Person> {
    const guardianName = request.guardianName || null;
    return manager.getRepository(Person).save({
      organizationId,
      fullName: request.fullName,
      nameKey: thaiNameKey(request.fullName),
      group: request.group,
      village: request.village,
      school: request.school || null,
      ageBand: request.ageBand,
      phone: request.phone || null,
      guardianName,
      guardianConsentRecordedAt: guardianName ? this.clock.now() : null,
      erasedAt: null,
    });
  }

  /** People not erased with the same name key, group and village (a missing village matches any). */
  findSame(
    manager: EntityManager,
    organizationId: string,
    person: { fullName: string; group: PersonGroup; village: number | null },
  ): Promise<Person[]> {
    const query = manager
      .getRepository(Person)
      .createQueryBuilder('p')
      .where('p.organization_id = :organizationId', { organizationId })
      .andWhere('p.name_key = :nameKey', { nameKey: thaiNameKey(person.fullName) })
      .andWhere('p.person_group = :group', { group: person.group })
      .andWhere('p.erased_at IS NULL');
    if (person.village !== null) query.andWhere('(p.village = :village OR p.village IS NULL)', { village: person.village });
    return query.orderBy('p.created_at').getMany();
  }

  async search(organizationId: string, query: { q?: string; group?: PersonGroup; limit: number }): Promise<PersonList> {
    const builder = this.db
      .getRepository(Person)
      .createQueryBuilder('p')
      .where('p.organization_id = :organizationId', { organizationId })
      .andWhere('p.erased_at IS NULL');
    if (query.q) builder.andWhere('p.name_key LIKE :key', { key: `%${escapeLike(thaiNameKey(query.q))}%` });
    if (query.group) builder.andWhere('p.person_group = :group', { group: query.group });
    const [people, total] = await builder.orderBy('p.full_name', 'ASC').take(query.limit).getManyAndCount();
    // Thai order, as people read it, for the page shown.
    const collator = new Intl.Collator('th');
    return { people: people.sort((a, b) => collator.compare(a.fullName, b.fullName)).map(toPersonView), total };
  }

  async require(manager: EntityManager, organizationId: string, id: string): Promise<Person> {
    const person = await manager.getRepository(Person).findOneBy({ id, organizationId });
    if (!person) throw notFound('PERSON_NOT_FOUND', 'ไม่พบผู้เข้าอบรมนี้ในทะเบียนของหน่วยงาน');
    return person;
  }

  async get(organizationId: string, id: string): Promise<PersonView> {
    return toPersonView(await this.require(this.db.manager, organizationId, id));
  }

  /**
   * Corrects a person's details, with the same rules as adding one. The audit log keeps which fields changed,
   * by registry id, never their values (they are personal data). A new guardian's consent is recorded now.
   */
  async update(user: AuthenticatedUser, id: string, request: UpdatePersonRequest): Promise<PersonView> {
    const { organizationId } = user;
    await this.db.transaction(async (manager) => {
      const person = await manager.getRepository(Person).findOne({ where: { id, organizationId }, lock: { mode: 'pessimistic_write' } });
      if (!person) throw notFound('PERSON_NOT_FOUND', 'ไม่พบผู้เข้าอบรมนี้ในทะเบียนของหน่วยงาน');
      if (person.erasedAt) throw conflict('PERSON_ERASED', 'ข้อมูลของบุคคลนี้ถูกลบไปแล้ว');
      const after = {
        fullName: request.fullName,
        group: request.group,
        village: request.village,
        school: request.school || null,
        ageBand: request.ageBand,
        phone: request.phone || null,
        guardianName: request.guardianName || null,
      };
      const changed = PERSON_FIELDS.filter((field) => (person[field] ?? null) !== after[field]);
      if (changed.length === 0) return;
      const guardianConsentRecordedAt = !after.guardianName
        ? null
        : after.guardianName === person.guardianName
          ? person.guardianConsentRecordedAt
          : this.clock.now();
      await manager
        .getRepository(Person)
        .update({ id, organizationId }, { ...after, nameKey: thaiNameKey(after.fullName), guardianConsentRecordedAt });
      await this.audit.record(manager, actorOf(user), {
        action: 'person.updated',
        subject: { id },
        details: Object.fromEntries(changed.map((field) => [field, true])),
      });
    });
    return this.get(organizationId, id);
  }

  /**
   * PDPA erasure on request: the name and every detail are removed for good. The row stays so that
   * attendance and scores still count in the indicators, without saying whose they were.
   */
  async erase(user: AuthenticatedUser, id: string): Promise<PersonView> {
    const { organizationId } = user;
    await this.db.transaction(async (manager) => {
      const person = await manager.getRepository(Person).findOne({ where: { id, organizationId }, lock: { mode: 'pessimistic_write' } });
      if (!person) throw notFound('PERSON_NOT_FOUND', 'ไม่พบผู้เข้าอบรมนี้ในทะเบียนของหน่วยงาน');
      if (person.erasedAt) throw conflict('PERSON_ERASED', 'ข้อมูลของบุคคลนี้ถูกลบไปแล้ว');
      await manager.getRepository(Person).update(
        { id, organizationId },
        {
          fullName: ERASED_NAME,
          nameKey: '',
          village: null,
          school: null,
          ageBand: null,
          phone: null,
          guardianName: null,
          guardianConsentRecordedAt: null,
          erasedAt: this.clock.now(),
        },
      );
      // The trainee's device can no longer reach their attempts.
      await manager.query(`UPDATE enrolments SET device_token_hash = NULL WHERE person_id = $1 AND organization_id = $2`, [id, organizationId]);
      // By registry id only: the log must not keep what the erasure removed.
      await this.audit.record(manager, actorOf(user), { action: 'person.erased', subject: { id } });
    });
    return this.get(organizationId, id);
  }
}

/** The details an organizer can correct; the audit log names which of them changed. */
const PERSON_FIELDS = ['fullName', 'group', 'village', 'school', 'ageBand', 'phone', 'guardianName'] as const;

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
