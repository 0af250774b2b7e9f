import { Module } from '@nestjs/common';
import { ProgramsModule } from '../programs/programs.module';
import { QuestionsController } from './questions.controller';
import { QuestionsService } from './questions.service';

@Module({ imports: [ProgramsModule], controllers: [QuestionsController], providers: [QuestionsService] })
export class QuestionsModule {}
