import { PLAN_TEMPLATE } from './plan-2566-2570/plan-2566-2570.template';
import type { ProgramTemplate } from './program-template';

/** Every template a deployment offers, in the order the page lists them. */
export const PROGRAM_TEMPLATES: readonly ProgramTemplate[] = [PLAN_TEMPLATE];
