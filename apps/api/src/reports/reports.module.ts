import { Module } from '@nestjs/common';
import { AssessmentsModule } from '../assessments/assessments.module';
import { IndicatorsModule } from '../indicators/indicators.module';
import { OrganizationsModule } from '../organizations/organizations.module';
import { PdfModule } from '../pdf/pdf.module';
import { PlanModule } from '../plan/plan.module';
import { SessionsModule } from '../sessions/sessions.module';
import { ReportsController } from './reports.controller';
import { ReportsService } from './reports.service';

@Module({
  imports: [IndicatorsModule, PlanModule, SessionsModule, AssessmentsModule, OrganizationsModule, PdfModule],
  controllers: [ReportsController],
  providers: [ReportsService],
})
export class ReportsModule {}
