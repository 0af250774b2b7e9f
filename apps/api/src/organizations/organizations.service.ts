import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  LOGO_MEDIA_TYPES,
  MAX_LOGO_BYTES,
  MAX_LOGO_PIXELS,
  type OrganizationProfile,
  type OrganizationProfileFields,
} from '@sujarit/contracts';
import { imageSize } from 'image-size';
import { DataSource, EntityManager } from 'typeorm';
import { actorOf, AuditService, changedFields } from '../audit/audit.service';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { Clock } from '../common/clock';
import { ProgramTemplatesService } from '../program-templates/program-templates.service';
import { DomainError, notFound } from '../common/domain.error';
import { OrganizationLogo } from '../database/entities/organization-logo.entity';
import { newOrganizationIn } from '../database/tenancy';
import { Organization } from '../database/entities/organization.entity';

/** Held while a first organization is made (the demo or the set-up), so only one of them ever is. */
export const FIRST_ORGANIZATION_LOCK = 'sujarit:seed';

const PROFILE_FIELDS = ['name', 'shortName', 'nameEn', 'province', 'address', 'signatoryName', 'signatoryPosition'] as const;

/** What image-size calls the types it reads, for the two the logo may be. */
const MEDIA_TYPE_OF: Record<string, (typeof LOGO_MEDIA_TYPES)[number]> = { png: 'image/png', jpg: 'image/jpeg' };

/** The organization's own profile: names, address and the executive who signs; its logo. */
@Injectable()
export class OrganizationsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly templates: ProgramTemplatesService,
    private readonly clock: Clock,
  ) {}

  /**
   * A new organization (tenant) with its names and province, started from a program template or with no
   * programs, in the caller's transaction: the first-run set-up and the operator's command both use it.
   */
  async createOrganization(
    manager: EntityManager,
    fields: Pick<OrganizationProfileFields, 'name' | 'shortName' | 'province'>,
    templateId: string | null,
  ): Promise<{ organization: Organization; programsCreated: string[] }> {
    // The transaction works as the new organization from here: the database lets the app write its rows only.
    const organization = manager.create(Organization, { id: await newOrganizationIn(manager), ...fields });
    await manager.insert(Organization, organization);
    const applied = templateId ? await this.templates.applyTemplate(manager, organization.id, templateId) : null;
    return { organization, programsCreated: applied?.created ?? [] };
  }

  async profile(organizationId: string): Promise<OrganizationProfile> {
    const organization = await this.db.getRepository(Organization).findOneBy({ id: organizationId });
    if (!organization) throw notFound('NOT_FOUND', 'ไม่พบหน่วยงาน');
    const logo: { updated_at: Date }[] = await this.db.query(`SELECT updated_at FROM organization_logos WHERE organization_id = $1`, [
      organizationId,
    ]);
    return toProfileView(organization, logo[0]?.updated_at ?? null);
  }

  async update(user: AuthenticatedUser, fields: OrganizationProfileFields): Promise<OrganizationProfile> {
    await this.db.transaction(async (manager) => {
      const current = await manager.findOne(Organization, { where: { id: user.organizationId }, lock: { mode: 'pessimistic_write' } });
      if (!current) throw notFound('NOT_FOUND', 'ไม่พบหน่วยงาน');
      const changes = changedFields(current, fields, PROFILE_FIELDS);
      if (Object.keys(changes).length === 0) return;
      await manager.update(Organization, { id: user.organizationId }, fields);
      await this.audit.record(manager, actorOf(user), {
        action: 'organization.profile_updated',
        subject: { id: user.organizationId, label: fields.shortName },
        changes,
      });
    });
    return this.profile(user.organizationId);
  }

  /** Keeps a PNG or JPEG logo after reading its header: what the bytes are, not what the upload claims. */
  async setLogo(user: AuthenticatedUser, file: { buffer: Buffer; size: number } | undefined): Promise<OrganizationProfile> {
    if (!file || file.size === 0) throw logoInvalid('กรุณาเลือกไฟล์รูปโลโก้');
    if (file.size > MAX_LOGO_BYTES) throw logoInvalid(`ไฟล์โลโก้ต้องไม่เกิน ${MAX_LOGO_BYTES / 1024} KB`, HttpStatus.PAYLOAD_TOO_LARGE);
    let size: ReturnType<typeof imageSize> | null = null;
    try {
      size = imageSize(file.buffer);
    } catch {
      size = null;
    }
    const mediaType = size?.type ? MEDIA_TYPE_OF[size.type] : undefined;
    if (!size || !mediaType) throw logoInvalid('โลโก้ต้องเป็นไฟล์ภาพ PNG หรือ JPEG');
    if (size.width > MAX_LOGO_PIXELS || size.height > MAX_LOGO_PIXELS || size.width < 16 || size.height < 16) {
      throw logoInvalid(`ภาพโลโก้ต้องกว้างและสูงระหว่าง 16 ถึง ${MAX_LOGO_PIXELS} พิกเซล`);
    }
    await this.db.transaction(async (manager) => {
      await manager.upsert(
        OrganizationLogo,
        { organizationId: user.organizationId, mediaType, content: file.buffer, updatedAt: this.clock.now() },
        ['organizationId'],
      );
      await this.audit.record(manager, actorOf(user), {
        action: 'organization.profile_updated',
        subject: { id: user.organizationId, label: null },
        details: { logo: `${mediaType} ${size.width}×${size.height}` },
      });
    });
    return this.profile(user.organizationId);
  }

  async removeLogo(user: AuthenticatedUser): Promise<OrganizationProfile> {
    await this.db.transaction(async (manager) => {
      const result = await manager.delete(OrganizationLogo, { organizationId: user.organizationId });
      if (result.affected) {
        await this.audit.record(manager, actorOf(user), {
          action: 'organization.profile_updated',
          subject: { id: user.organizationId, label: null },
          details: { logo: null },
        });
      }
    });
    return this.profile(user.organizationId);
  }

  async logo(organizationId: string): Promise<OrganizationLogo> {
    const logo = await this.db.getRepository(OrganizationLogo).findOneBy({ organizationId });
    if (!logo) throw notFound('NOT_FOUND', 'หน่วยงานนี้ยังไม่มีโลโก้');
    return logo;
  }
}

const logoInvalid = (message: string, status = HttpStatus.BAD_REQUEST) => new DomainError('LOGO_INVALID', message, status);

function toProfileView(o: Organization, logoUpdatedAt: Date | null): OrganizationProfile {
  return {
    id: o.id,
    name: o.name,
    shortName: o.shortName,
    nameEn: o.nameEn,
    province: o.province,
    address: o.address,
    signatoryName: o.signatoryName,
    signatoryPosition: o.signatoryPosition,
    logoUrl: logoUpdatedAt ? `/api/organization/logo?v=${logoUpdatedAt.getTime()}` : null,
  };
}
