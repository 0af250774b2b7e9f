import { Module } from '@nestjs/common';
import { ProgramTemplatesModule } from '../program-templates/program-templates.module';
import { OrganizationsController } from './organizations.controller';
import { OrganizationsService } from './organizations.service';

@Module({ imports: [ProgramTemplatesModule], controllers: [OrganizationsController], providers: [OrganizationsService], exports: [OrganizationsService] })
export class OrganizationsModule {}
