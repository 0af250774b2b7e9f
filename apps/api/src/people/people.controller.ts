import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ZodResponse } from '../common/zod-response';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import {
  CreatePersonRequestDto,
  CreatePersonResultDto,
  DuplicatePeopleDto,
  MergePeopleRequestDto,
  MergePeopleResultDto,
  PersonDto,
  PersonIdParamDto,
  PersonListDto,
  PersonSearchQueryDto,
  UpdatePersonRequestDto,
} from './people.dto';
import { PeopleMergeService } from './people-merge.service';
import { PeopleService } from './people.service';

/** The registry of trainees: organizers and admins only (PDPA: managers read figures, not people). */
@ApiTags('people')
@Controller('people')
export class PeopleController {
  constructor(
    private readonly people: PeopleService,
    private readonly peopleMerge: PeopleMergeService,
  ) {}

  @Roles('organizer', 'admin')
  @Get()
  @ZodResponse({ type: PersonListDto })
  search(@CurrentUser() user: AuthenticatedUser, @Query() query: PersonSearchQueryDto) {
    return this.people.search(user.organizationId, query);
  }

  @Roles('organizer', 'admin')
  @Post()
  @ZodResponse({ status: 201, type: CreatePersonResultDto })
  create(@CurrentUser() user: AuthenticatedUser, @Body() body: CreatePersonRequestDto) {
    return this.people.create(user.organizationId, body);
  }

  /** Declared before ':id', which would otherwise take the word as an id. */
  @Roles('organizer', 'admin')
  @Get('duplicates')
  @ZodResponse({ type: DuplicatePeopleDto })
  duplicates(@CurrentUser() user: AuthenticatedUser) {
    return this.peopleMerge.duplicates(user.organizationId);
  }

  @Roles('organizer', 'admin')
  @Post('merge')
  @HttpCode(200)
  @ZodResponse({ type: MergePeopleResultDto })
  merge(@CurrentUser() user: AuthenticatedUser, @Body() body: MergePeopleRequestDto) {
    return this.peopleMerge.merge(user, body);
  }

  @Roles('organizer', 'admin')
  @Get(':id')
  @ZodResponse({ type: PersonDto })
  get(@CurrentUser() user: AuthenticatedUser, @Param() params: PersonIdParamDto) {
    return this.people.get(user.organizationId, params.id);
  }

  @Roles('organizer', 'admin')
  @Patch(':id')
  @ZodResponse({ type: PersonDto })
  update(@CurrentUser() user: AuthenticatedUser, @Param() params: PersonIdParamDto, @Body() body: UpdatePersonRequestDto) {
    return this.people.update(user, params.id, body);
  }

  @Roles('organizer', 'admin')
  @Post(':id/erase')
  @HttpCode(200)
  @ZodResponse({ type: PersonDto })
  erase(@CurrentUser() user: AuthenticatedUser, @Param() params: PersonIdParamDto) {
    return this.people.erase(user, params.id);
  }
}
