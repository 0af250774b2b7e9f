import { Assessment } from '../assessments/assessment.entity';
import { Attempt } from '../attempts/attempt.entity';
import { AuditEvent } from '../audit/audit-event.entity';
import { AuthSession } from '../auth/auth-session.entity';
import { Enrolment } from '../enrolments/enrolment.entity';
import { OrganizationLogo } from '../organizations/organization-logo.entity';
import { Organization } from '../organizations/organization.entity';
import { Person } from '../people/person.entity';
import { ProgramYear } from '../programs/program-year.entity';
import { Program } from '../programs/program.entity';
import { Question } from '../questions/question.entity';
import { SessionExpense } from '../sessions/session-expense.entity';
import { TrainingSession } from '../sessions/training-session.entity';
import { ThrottleBucket } from '../throttle/throttle-bucket.entity';
import { AccountToken } from '../users/account-token.entity';
import { User } from '../users/user.entity';

export const ALL_ENTITIES = [
  Organization,
  User,
  AuthSession,
  Program,
  ProgramYear,
  TrainingSession,
  SessionExpense,
  Person,
  Enrolment,
  Question,
  Assessment,
  Attempt,
  ThrottleBucket,
  AuditEvent,
  OrganizationLogo,
  AccountToken,
];
