import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AuditAction, AuditChange, AuditEventPage, AuditEventQuery } from '@sujarit/contracts';
import { DataSource, EntityManager } from 'typeorm';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { Clock } from '../common/clock';
import { AuditEvent } from '../database/entities/audit-event.entity';

/** Who did something: a signed-in user, or the operator's command line (no user). */
export interface AuditActor {
  organizationId: string;
  userId: string | null;
  name: string;
}

export const actorOf = (user: AuthenticatedUser): AuditActor => ({
  organizationId: user.organizationId,
  userId: user.id,
  name: user.displayName ? `${user.displayName} (${user.email})` : user.email,
});

export const OPERATOR: Omit<AuditActor, 'organizationId'> = { userId: null, name: 'ผู้ดูแลเครื่องแม่ข่าย (คำสั่ง)' };

export interface AuditEntry {
  action: AuditAction;
  subject: { id: string | null; label?: string | null };
  changes?: Record<string, AuditChange>;
  details?: Record<string, string | number | boolean | null>;
}

/** The fields whose value differs, as `{ field: { from, to } }`. */
export function changedFields<T extends object>(before: T, after: Partial<T>, fields: readonly (keyof T & string)[]): Record<string, AuditChange> {
  const changes: Record<string, AuditChange> = {};
  for (const field of fields) {
    if (!(field in after)) continue;
    const from = before[field] ?? null;
    const to = after[field] ?? null;
    if (JSON.stringify(from) !== JSON.stringify(to)) changes[field] = { from, to };
  }
  return changes;
}

/**
 * The audit log. A change is recorded in the transaction that makes it, so the log holds exactly what
 * happened: a change that rolls back leaves no line, and no line is missing for a change that stands.
 */
@Injectable()
export class AuditService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: Clock,
  ) {}

  async record(manager: EntityManager, actor: AuditActor, entry: AuditEntry): Promise<void> {
    await manager.query(
      `INSERT INTO audit_events (organization_id, occurred_at, action, actor_user_id, actor_name, subject_type, subject_id, subject_label, changes, details)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [
        actor.organizationId,
        this.clock.now(),
        entry.action,
        actor.userId,
        actor.name,
        entry.action.split('.')[0],
        entry.subject.id,
        entry.subject.label ?? null,
        JSON.stringify(entry.changes ?? {}),
        JSON.stringify(entry.details ?? {}),
      ],
    );
  }

  /** The organization's log, newest first, a page at a time. */
  async list(organizationId: string, query: AuditEventQuery): Promise<AuditEventPage> {
    const builder = this.db
      .getRepository(AuditEvent)
      .createQueryBuilder('e')
      .where('e.organization_id = :organizationId', { organizationId });
    if (query.subject) builder.andWhere('e.subject_type = :subject', { subject: query.subject });
    if (query.actorId) builder.andWhere('e.actor_user_id = :actorId', { actorId: query.actorId });
    if (query.from) builder.andWhere('e.occurred_at >= :from', { from: new Date(query.from) });
    if (query.to) builder.andWhere('e.occurred_at < :to', { to: new Date(query.to) });
    if (query.cursor) builder.andWhere('e.id < :cursor', { cursor: query.cursor });
    const rows = await builder.orderBy('e.id', 'DESC').take(query.limit + 1).getMany();
    const page = rows.slice(0, query.limit);
    const actors: { id: string; name: string }[] = await this.db.query(
      `SELECT DISTINCT ON (actor_user_id) actor_user_id AS id, actor_name AS name
         FROM audit_events WHERE organization_id = $1 AND actor_user_id IS NOT NULL
        ORDER BY actor_user_id, id DESC`,
      [organizationId],
    );
    return {
      events: page.map((e) => ({
        id: e.id,
        occurredAt: e.occurredAt.toISOString(),
        action: e.action,
        actor: { id: e.actorUserId, name: e.actorName },
        subject: { type: e.subjectType, id: e.subjectId, label: e.subjectLabel },
        changes: e.changes,
        details: e.details,
      })),
      nextCursor: rows.length > query.limit ? (page.at(-1)?.id ?? null) : null,
      actors: actors.sort((a, b) => a.name.localeCompare(b.name, 'th')),
    };
  }
}
