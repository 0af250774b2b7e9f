import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiNotFoundResponse, ApiTags } from '@nestjs/swagger';
import { ZodResponse } from '../common/zod-response';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { ApplyProgramTemplateResultDto, ProgramTemplateListDto, TemplateParamDto } from '../programs/programs.dto';
import { ProgramTemplatesService } from './program-templates.service';

@ApiTags('programs')
@Controller('program-templates')
export class ProgramTemplatesController {
  constructor(private readonly templates: ProgramTemplatesService) {}

  @Roles('organizer', 'admin')
  @Get()
  @ZodResponse({ type: ProgramTemplateListDto })
  list() {
    return { templates: this.templates.list() };
  }

  /** Creates the template's programs the organization lacks; applying it again creates nothing. */
  @Roles('organizer', 'admin')
  @Post(':templateId/apply')
  @HttpCode(200)
  @ApiNotFoundResponse({ description: 'No such template (PROGRAM_TEMPLATE_NOT_FOUND)' })
  @ZodResponse({ type: ApplyProgramTemplateResultDto })
  apply(@CurrentUser() user: AuthenticatedUser, @Param() params: TemplateParamDto) {
    return this.templates.applyForOrganization(user, params.templateId);
  }
}
