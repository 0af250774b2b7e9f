import type { QuestionInput } from '@sujarit/contracts';
import type { IndicatorBasis } from '@sujarit/domain';

/** A program's settings for one fiscal year, as a template gives them. */
export interface TemplateProgramYear {
  fiscalYear: number;
  targetHeadcount: number;
  sessionsRequired: number;
  budgetBaht: number;
  passMarkPercent: number;
  targetPassRatePercent: number;
  indicatorBasis: IndicatorBasis;
}

/** One program of a template, with everything an organization gets when it applies it. */
export interface TemplateProgram {
  code: string;
  name: string;
  /** The target group (กลุ่มเป้าหมาย). */
  audience: string;
  ownerUnit: string;
  description: string;
  /** วัตถุประสงค์, one a line. */
  objectives: string;
  years: TemplateProgramYear[];
  /** The whole bank in bank order: scored questions, then the survey items. */
  questions: QuestionInput[];
}

/**
 * A starting set of programs that an organization may apply (once: programs it already has, by code, are
 * kept as they are). Data, not code: the organizer edits everything it gives afterwards.
 */
export interface ProgramTemplate {
  /** Stable: operators and the set-up page name it. */
  id: string;
  name: string;
  /** What applying it adds, in a sentence or two, for the page that offers it. */
  description: string;
  programs: TemplateProgram[];
}
