import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IndicatorsModule } from '../indicators/indicators.module';
import { ProgramTemplatesController } from './program-templates.controller';
import { ProgramTemplatesService } from './program-templates.service';
import { ProgramYear } from './program-year.entity';
import { Program } from './program.entity';
import { ProgramsController } from './programs.controller';
import { ProgramsService } from './programs.service';

@Module({
  imports: [TypeOrmModule.forFeature([Program, ProgramYear]), IndicatorsModule],
  controllers: [ProgramsController, ProgramTemplatesController],
  providers: [ProgramsService, ProgramTemplatesService],
  exports: [ProgramsService, ProgramTemplatesService],
})
export class ProgramsModule {}
