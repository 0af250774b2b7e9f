import { Body, Controller, Delete, Get, Put, Query, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { MAX_LOGO_BYTES, ROLES as ALL_ROLES } from '@sujarit/contracts';
import type { Response } from 'express';
import { ZodResponse } from '../common/zod-response';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { UPLOAD_PART_LIMITS } from '../common/safe-input';
import { LogoQueryDto, OrganizationProfileDto, OrganizationProfileFieldsDto } from './organizations.dto';
import { OrganizationsService } from './organizations.service';

/** The caller's own organization: every staff member reads it, admins change it. */
@ApiTags('organization')
@Controller('organization')
export class OrganizationsController {
  constructor(private readonly organizations: OrganizationsService) {}

  @Roles(...ALL_ROLES)
  @Get()
  @ZodResponse({ type: OrganizationProfileDto })
  get(@CurrentUser() user: AuthenticatedUser) {
    return this.organizations.profile(user.organizationId);
  }

  @Roles('admin')
  @Put()
  @ZodResponse({ type: OrganizationProfileDto })
  update(@CurrentUser() user: AuthenticatedUser, @Body() body: OrganizationProfileFieldsDto) {
    return this.organizations.update(user, body);
  }

  @Roles('admin')
  @Put('logo')
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } }, required: ['file'] } })
  // One byte over the limit is enough to know it is too big; multer stops reading there. The file alone, as the imports.
  @UseInterceptors(FileInterceptor('file', { limits: { ...UPLOAD_PART_LIMITS, fileSize: MAX_LOGO_BYTES + 1 } }))
  @ZodResponse({ type: OrganizationProfileDto })
  setLogo(@CurrentUser() user: AuthenticatedUser, @UploadedFile() file: Express.Multer.File | undefined) {
    return this.organizations.setLogo(user, file);
  }

  @Roles('admin')
  @Delete('logo')
  @ZodResponse({ type: OrganizationProfileDto })
  removeLogo(@CurrentUser() user: AuthenticatedUser) {
    return this.organizations.removeLogo(user);
  }

  @Roles(...ALL_ROLES)
  @Get('logo')
  @ApiProduces('image/png', 'image/jpeg')
  @ApiOkResponse({ description: "The organization's logo (PNG or JPEG)" })
  async logo(@CurrentUser() user: AuthenticatedUser, @Query() _query: LogoQueryDto, @Res() res: Response): Promise<void> {
    const logo = await this.organizations.logo(user.organizationId);
    res
      .set({
        'Content-Type': logo.mediaType,
        'X-Content-Type-Options': 'nosniff',
        'Content-Disposition': 'inline; filename="logo"',
        // The URL carries the version, so a browser may keep it; private: it is behind a sign-in.
        'Cache-Control': 'private, max-age=86400',
      })
      .send(logo.content);
  }
}
