import { Module } from '@nestjs/common';
import { AssessmentsModule } from '../assessments/assessments.module';
import { AttemptsModule } from '../attempts/attempts.module';
import { EnrolmentsModule } from '../enrolments/enrolments.module';
import { PeopleModule } from '../people/people.module';
import { TraineeController } from './trainee.controller';
import { TraineeAccess } from './trainee-access';
import { TraineeService } from './trainee.service';

/** The trainee's phone: its device cookie, check-in, its session page, and its attempts (run by AttemptsModule). */
@Module({
  imports: [AttemptsModule, AssessmentsModule, EnrolmentsModule, PeopleModule],
  controllers: [TraineeController],
  providers: [TraineeService, TraineeAccess],
})
export class TraineeModule {}
