/**
 * Whether a program's target group (its free-text audience, กลุ่มเป้าหมาย) names children or youth: "เด็กและเยาวชน…",
 * "เยาวชน", "นักเรียน", or in English "youth", "children", "students". The phone's check-in form then starts on the youth
 * group and asks a walk-in's age band (and, below 20, the consenting guardian) up front.
 */
export function isYouthAudience(audience: string): boolean {
  return /เด็ก|เยาวชน|นักเรียน|youth|child|student|pupil/i.test(audience);
}
