import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CreatePersonRequest, Person as PersonView, PersonList, PersonGroup } from '@sujarit/contracts';
import { thaiNameKey } from '@sujarit/domain';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { conflict, notFound } from '../common/domain.error';
import { toPersonView } from './people.mapper';
import { Person } from './person.entity';

export const ERASED_NAME = 'ลบข้อมูลแล้ว';

@Injectable()
export class PeopleService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

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
      guardianConsentRecordedAt: guardianName ? new Date() : null,
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
   * PDPA erasure on request: the name and every detail are removed for good. The row stays so that
   * attendance and scores still count in the indicators, without saying whose they were.
   */
  async erase(organizationId: string, id: string): Promise<PersonView> {
    const person = await this.require(this.db.manager, organizationId, id);
    if (person.erasedAt) throw conflict('PERSON_ERASED', 'ข้อมูลของบุคคลนี้ถูกลบไปแล้ว');
    await this.db.getRepository(Person).update(
      { id, organizationId, erasedAt: IsNull() },
      {
        fullName: ERASED_NAME,
        nameKey: '',
        village: null,
        school: null,
        ageBand: null,
        phone: null,
        guardianName: null,
        guardianConsentRecordedAt: null,
        erasedAt: new Date(),
      },
    );
    // The trainee's device can no longer reach their attempts.
    await this.db.query(`UPDATE enrolments SET device_token_hash = NULL WHERE person_id = $1`, [id]);
    return this.get(organizationId, id);
  }
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
