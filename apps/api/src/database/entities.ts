import { AssessmentQuestion } from './entities/assessment-question.entity';
import { Assessment } from './entities/assessment.entity';
import { AttemptAnswer } from './entities/attempt-answer.entity';
import { Attempt } from './entities/attempt.entity';
import { AuditEvent } from './entities/audit-event.entity';
import { AuthSession } from './entities/auth-session.entity';
import { Enrolment } from './entities/enrolment.entity';
import { JoinCode } from './entities/join-code.entity';
import { CertificateCode } from './entities/certificate-code.entity';
import { Certificate } from './entities/certificate.entity';
import { OrganizationLogo } from './entities/organization-logo.entity';
import { Organization } from './entities/organization.entity';
import { Person } from './entities/person.entity';
import { ProgramYear } from './entities/program-year.entity';
import { Program } from './entities/program.entity';
import { Question } from './entities/question.entity';
import { SessionExpense } from './entities/session-expense.entity';
import { TrainingSession } from './entities/training-session.entity';
import { ThrottleBucket } from './entities/throttle-bucket.entity';
import { AccountToken } from './entities/account-token.entity';
import { User } from './entities/user.entity';

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
  AssessmentQuestion,
  AttemptAnswer,
  JoinCode,
  CertificateCode,
  Certificate,
];
