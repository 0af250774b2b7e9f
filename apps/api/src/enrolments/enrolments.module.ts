import { Module } from '@nestjs/common';
import { PeopleModule } from '../people/people.module';
import { EnrolmentsController } from './enrolments.controller';
import { EnrolmentsService } from './enrolments.service';

@Module({ imports: [PeopleModule], controllers: [EnrolmentsController], providers: [EnrolmentsService] })
export class EnrolmentsModule {}
