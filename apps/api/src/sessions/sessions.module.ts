import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AssessmentsModule } from '../assessments/assessments.module';
import { ProgramsModule } from '../programs/programs.module';
import { SessionsController } from './sessions.controller';
import { SessionsService } from './sessions.service';
import { TrainingSession } from './training-session.entity';

@Module({
  imports: [TypeOrmModule.forFeature([TrainingSession]), ProgramsModule, AssessmentsModule],
  controllers: [SessionsController],
  providers: [SessionsService],
})
export class SessionsModule {}
