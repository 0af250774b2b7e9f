import { PLAN_TEMPLATE_ID } from '../programs/templates/plan-2566-2570/plan-2566-2570.template';

/**
 * The demo of a new deployment: อบต.พร่อน, started from the template of its anti-corruption plan 2566–2570
 * (apps/api/src/programs/templates). All of it is data an organizer can edit later, not code.
 */
export const DEMO_ORGANIZATION_NAME = 'องค์การบริหารส่วนตำบลพร่อน';

/** The demo's profile, from the plan's cover and its announcement (signed by the executive named there). */
export const DEMO_ORGANIZATION_PROFILE = {
  shortName: 'อบต.พร่อน',
  province: 'นราธิวาส',
  address: 'ตำบลพร่อน อำเภอตากใบ จังหวัดนราธิวาส',
  signatoryName: 'นายกาทหลง แดงสุวรรณ',
  signatoryPosition: 'นายกองค์การบริหารส่วนตำบลพร่อน',
};
export const DEMO_TEMPLATE_ID = PLAN_TEMPLATE_ID;

/** Demo accounts, one per role: their passwords are published, so the password policy refuses them (auth/demo-accounts). */
export { DEMO_USERS } from '../auth/demo-accounts';
