import { Module } from '@nestjs/common';
import { AssessmentsModule } from '../assessments/assessments.module';
import { IndicatorsModule } from '../indicators/indicators.module';
import { SessionsModule } from '../sessions/sessions.module';
import { ExportsController } from './exports.controller';
import { ExportsService } from './exports.service';

@Module({
  imports: [SessionsModule, IndicatorsModule, AssessmentsModule],
  controllers: [ExportsController],
  providers: [ExportsService],
})
export class ExportsModule {}
