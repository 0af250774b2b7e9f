import { Body, Controller, Get, HttpCode, Param, Patch, Post, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { ZodResponse } from '../common/zod-response';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { mailBaseUrl } from './account-link-url';
import { CreateUserRequestDto, UpdateUserRequestDto, UserDto, UserIdParamDto, UserListDto, UserWithLinkDto } from './users.dto';
import { UsersService } from './users.service';

/** The organization's accounts: admins only. */
@ApiTags('users')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Roles('admin')
  @Get()
  @ZodResponse({ type: UserListDto })
  list(@CurrentUser() admin: AuthenticatedUser) {
    return this.users.list(admin.organizationId);
  }

  @Roles('admin')
  @Post()
  @ZodResponse({ status: 201, type: UserWithLinkDto })
  create(@CurrentUser() admin: AuthenticatedUser, @Body() body: CreateUserRequestDto, @Req() req: Request) {
    return this.users.create(admin, body, mailBaseUrl(req));
  }

  @Roles('admin')
  @Patch(':id')
  @ZodResponse({ type: UserDto })
  update(@CurrentUser() admin: AuthenticatedUser, @Param() params: UserIdParamDto, @Body() body: UpdateUserRequestDto) {
    return this.users.update(admin, params.id, body);
  }

  @Roles('admin')
  @Post(':id/deactivate')
  @HttpCode(200)
  @ZodResponse({ type: UserDto })
  deactivate(@CurrentUser() admin: AuthenticatedUser, @Param() params: UserIdParamDto) {
    return this.users.deactivate(admin, params.id);
  }

  @Roles('admin')
  @Post(':id/reactivate')
  @HttpCode(200)
  @ZodResponse({ type: UserDto })
  reactivate(@CurrentUser() admin: AuthenticatedUser, @Param() params: UserIdParamDto) {
    return this.users.reactivate(admin, params.id);
  }

  @Roles('admin')
  @Post(':id/password-link')
  @ZodResponse({ status: 201, type: UserWithLinkDto })
  issuePasswordLink(@CurrentUser() admin: AuthenticatedUser, @Param() params: UserIdParamDto, @Req() req: Request) {
    return this.users.issuePasswordLink(admin, params.id, mailBaseUrl(req));
  }
}
