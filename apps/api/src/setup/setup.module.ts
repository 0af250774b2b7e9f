import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { OrganizationsModule } from '../organizations/organizations.module';
import { ProgramTemplatesModule } from '../program-templates/program-templates.module';
import { SetupController } from './setup.controller';
import { SetupService } from './setup.service';

@Module({
  imports: [AuthModule, OrganizationsModule, ProgramTemplatesModule],
  controllers: [SetupController],
  providers: [SetupService],
})
export class SetupModule {}
