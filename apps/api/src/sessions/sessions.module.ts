import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AssessmentsModule } from '../assessments/assessments.module';
import { AttemptsModule } from '../attempts/attempts.module';
import { ProgramsModule } from '../programs/programs.module';
import { parsePublicUrl } from '../common/public-url';
import { JoinAddressController } from './join-address.controller';
import { PUBLIC_URL } from './join-address';
import { SessionsController } from './sessions.controller';
import { SessionsService } from './sessions.service';
import { TrainingSession } from '../database/entities/training-session.entity';

@Module({
  imports: [TypeOrmModule.forFeature([TrainingSession]), ProgramsModule, AssessmentsModule, AttemptsModule],
  controllers: [SessionsController, JoinAddressController],
  // A bad PUBLIC_URL stops the start here, with a message saying what is wrong.
  providers: [SessionsService, { provide: PUBLIC_URL, useFactory: () => parsePublicUrl(process.env.PUBLIC_URL) }],
  exports: [SessionsService],
})
export class SessionsModule {}
