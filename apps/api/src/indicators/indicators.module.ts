import { Module } from '@nestjs/common';
import { AttemptsModule } from '../attempts/attempts.module';
import { IndicatorsController } from './indicators.controller';
import { IndicatorsService } from './indicators.service';
import { ProgramYearResultsService } from './program-year-results.service';

@Module({
  imports: [AttemptsModule],
  controllers: [IndicatorsController],
  providers: [IndicatorsService, ProgramYearResultsService],
  exports: [IndicatorsService, ProgramYearResultsService],
})
export class IndicatorsModule {}
