import { Module } from '@nestjs/common';
import { ProgramsModule } from '../programs/programs.module';
import { ProgramTemplatesController } from './program-templates.controller';
import { ProgramTemplatesService } from './program-templates.service';

/** Applying a template: its programs and years (programs/) and its question banks (questions/). */
@Module({
  imports: [ProgramsModule],
  controllers: [ProgramTemplatesController],
  providers: [ProgramTemplatesService],
  exports: [ProgramTemplatesService],
})
export class ProgramTemplatesModule {}
