import { Module } from '@nestjs/common';
import { IndicatorsModule } from '../indicators/indicators.module';
import { PlanController } from './plan.controller';
import { PlanService } from './plan.service';

@Module({
  imports: [IndicatorsModule],
  controllers: [PlanController],
  providers: [PlanService],
  exports: [PlanService],
})
export class PlanModule {}
