import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ApplyProgramTemplateResult, ProgramTemplate as ProgramTemplateView } from '@sujarit/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { actorOf, AuditService } from '../audit/audit.service';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { notFound } from '../common/domain.error';
import { addQuestionsToBank } from '../questions/add-questions';
import { ProgramsService } from '../programs/programs.service';
import type { ProgramTemplate } from '../programs/templates/program-template';
import { PROGRAM_TEMPLATES } from '../programs/templates/program-templates';

/** Starting sets of programs an organization may apply: the demo, the set-up page and operators use them. */
@Injectable()
export class ProgramTemplatesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly programs: ProgramsService,
    private readonly audit: AuditService,
  ) {}

  list(): ProgramTemplateView[] {
    return PROGRAM_TEMPLATES.map(toView);
  }

  /** Applies a template for the caller's organization in one transaction. */
  applyForOrganization(user: AuthenticatedUser, templateId: string): Promise<ApplyProgramTemplateResult> {
    return this.db.transaction(async (manager) => {
      const result = await this.applyTemplate(manager, user.organizationId, templateId);
      if (result.created.length > 0) {
        await this.audit.record(manager, actorOf(user), {
          action: 'program.template_applied',
          subject: { id: null, label: PROGRAM_TEMPLATES.find((t) => t.id === templateId)?.name ?? templateId },
          details: { created: result.created.join(', ') },
        });
      }
      return result;
    });
  }

  /**
   * Creates the template's programs the organization lacks (by code, archived ones counting as had), each
   * with its years and question bank, in the caller's transaction. Applying it again creates nothing.
   */
  async applyTemplate(manager: EntityManager, organizationId: string, templateId: string): Promise<ApplyProgramTemplateResult> {
    const template = PROGRAM_TEMPLATES.find((t) => t.id === templateId);
    if (!template) throw notFound('PROGRAM_TEMPLATE_NOT_FOUND', 'ไม่พบแม่แบบโครงการนี้');
    const created: string[] = [];
    const skipped: string[] = [];
    for (const seed of template.programs) {
      const program = await this.programs.insertProgram(manager, organizationId, seed, seed.years);
      if (!program) {
        skipped.push(seed.code);
        continue;
      }
      await addQuestionsToBank(manager, organizationId, program.id, seed.questions);
      created.push(seed.code);
    }
    return { templateId, created, skipped };
  }
}

function toView(template: ProgramTemplate): ProgramTemplateView {
  return {
    id: template.id,
    name: template.name,
    description: template.description,
    fiscalYears: [...new Set(template.programs.flatMap((p) => p.years.map((y) => y.fiscalYear)))].sort((a, b) => a - b),
    programs: template.programs.map((p) => ({
      code: p.code,
      name: p.name,
      audience: p.audience,
      ownerUnit: p.ownerUnit,
      questionCount: p.questions.filter((q) => q.type !== 'likert').length,
      surveyItemCount: p.questions.filter((q) => q.type === 'likert').length,
    })),
  };
}
