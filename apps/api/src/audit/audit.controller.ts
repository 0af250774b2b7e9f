import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ZodResponse } from '../common/zod-response';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { AuditEventPageDto, AuditEventQueryDto } from './audit.dto';
import { AuditService } from './audit.service';

/** Who changed what and when, for the organization's admins. */
@ApiTags('audit')
@Controller('audit-events')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Roles('admin')
  @Get()
  @ZodResponse({ type: AuditEventPageDto })
  list(@CurrentUser() user: AuthenticatedUser, @Query() query: AuditEventQueryDto) {
    return this.audit.list(user.organizationId, query);
  }
}
