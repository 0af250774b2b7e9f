import { Module } from '@nestjs/common';
import { AssessmentsModule } from '../assessments/assessments.module';
import { AttemptsModule } from '../attempts/attempts.module';
import { ProgramsModule } from '../programs/programs.module';
import { QuestionsController } from './questions.controller';
import { QuestionsService } from './questions.service';

/** A program's bank: its programs, the tests that hold its questions (which follow an edit), the attempts that used them. */
@Module({ imports: [ProgramsModule, AssessmentsModule, AttemptsModule], controllers: [QuestionsController], providers: [QuestionsService] })
export class QuestionsModule {}
