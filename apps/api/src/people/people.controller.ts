import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ZodResponse } from 'nestjs-zod';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import {
  CreatePersonRequestDto,
  CreatePersonResultDto,
  PersonDto,
  PersonIdParamDto,
  PersonListDto,
  PersonSearchQueryDto,
} from './people.dto';
import { PeopleService } from './people.service';

/** The registry of trainees: organizers and admins only (PDPA: managers read figures, not people). */
@ApiTags('people')
@Controller('people')
export class PeopleController {
  constructor(private readonly people: PeopleService) {}

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

  @Roles('organizer', 'admin')
  @Get(':id')
  @ZodResponse({ type: PersonDto })
  get(@CurrentUser() user: AuthenticatedUser, @Param() params: PersonIdParamDto) {
    return this.people.get(user.organizationId, params.id);
  }

  @Roles('organizer', 'admin')
  @Post(':id/erase')
  @HttpCode(200)
  @ZodResponse({ type: PersonDto })
  erase(@CurrentUser() user: AuthenticatedUser, @Param() params: PersonIdParamDto) {
    return this.people.erase(user, params.id);
  }
}
