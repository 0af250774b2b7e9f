import { Module } from '@nestjs/common';
import { AttemptsModule } from '../attempts/attempts.module';
import { PeopleModule } from '../people/people.module';
import { EnrolmentsController } from './enrolments.controller';
import { EnrolmentsService } from './enrolments.service';

@Module({
  imports: [PeopleModule, AttemptsModule],
  controllers: [EnrolmentsController],
  providers: [EnrolmentsService],
  exports: [EnrolmentsService],
})
export class EnrolmentsModule {}
