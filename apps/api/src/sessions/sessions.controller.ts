import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ZodResponse } from '../common/zod-response';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import {
  AddExpenseRequestDto,
  ChangeSessionStatusRequestDto,
  UpdateSessionRequestDto,
  ExpenseParamDto,
  AttendeeListDto,
  CreateSessionRequestDto,
  SessionDto,
  SessionIdParamDto,
  SessionListDto,
  SessionListQueryDto,
  SessionLiveDto,
} from './sessions.dto';
import { SessionsService } from './sessions.service';

@ApiTags('sessions')
@Controller('sessions')
export class SessionsController {
  constructor(private readonly sessions: SessionsService) {}

  @Roles('organizer', 'admin')
  @Post()
  @ZodResponse({ status: 201, type: SessionDto })
  create(@CurrentUser() user: AuthenticatedUser, @Body() body: CreateSessionRequestDto) {
    return this.sessions.create(user.organizationId, body);
  }

  @Roles('organizer', 'manager', 'admin')
  @Get()
  @ZodResponse({ type: SessionListDto })
  list(@CurrentUser() user: AuthenticatedUser, @Query() query: SessionListQueryDto) {
    return this.sessions.list(user.organizationId, query);
  }

  @Roles('organizer', 'manager', 'admin')
  @Get(':id')
  @ZodResponse({ type: SessionDto })
  get(@CurrentUser() user: AuthenticatedUser, @Param() params: SessionIdParamDto) {
    return this.sessions.get(user.organizationId, params.id);
  }

  /** The projector's counts: cheap enough to be asked every two seconds while a session runs. */
  @Roles('organizer', 'manager', 'admin')
  @Get(':id/live')
  @ZodResponse({ type: SessionLiveDto })
  live(@CurrentUser() user: AuthenticatedUser, @Param() params: SessionIdParamDto) {
    return this.sessions.live(user.organizationId, params.id);
  }

  @Roles('organizer', 'admin')
  @Patch(':id')
  @ZodResponse({ type: SessionDto })
  update(@CurrentUser() user: AuthenticatedUser, @Param() params: SessionIdParamDto, @Body() body: UpdateSessionRequestDto) {
    return this.sessions.update(user.organizationId, params.id, body);
  }

  @Roles('organizer', 'admin')
  @Post(':id/status')
  @HttpCode(200)
  @ZodResponse({ type: SessionDto })
  changeStatus(@CurrentUser() user: AuthenticatedUser, @Param() params: SessionIdParamDto, @Body() body: ChangeSessionStatusRequestDto) {
    return this.sessions.changeStatus(user.organizationId, params.id, body.status);
  }

  @Roles('organizer', 'admin')
  @Delete(':id')
  @HttpCode(204)
  async remove(@CurrentUser() user: AuthenticatedUser, @Param() params: SessionIdParamDto): Promise<void> {
    await this.sessions.remove(user.organizationId, params.id);
  }

  @Roles('organizer', 'manager', 'admin')
  @Get(':id/attendees')
  @ZodResponse({ type: AttendeeListDto })
  attendees(@CurrentUser() user: AuthenticatedUser, @Param() params: SessionIdParamDto) {
    return this.sessions.attendees(user.organizationId, params.id);
  }

  @Roles('organizer', 'admin')
  @Post(':id/expenses')
  @ZodResponse({ status: 201, type: SessionDto })
  addExpense(@CurrentUser() user: AuthenticatedUser, @Param() params: SessionIdParamDto, @Body() body: AddExpenseRequestDto) {
    return this.sessions.addExpense(user.organizationId, params.id, body);
  }

  @Roles('organizer', 'admin')
  @Delete(':id/expenses/:expenseId')
  @ZodResponse({ type: SessionDto })
  removeExpense(@CurrentUser() user: AuthenticatedUser, @Param() params: ExpenseParamDto) {
    return this.sessions.removeExpense(user.organizationId, params.id, params.expenseId);
  }
}
