import { Module } from '@nestjs/common';
import { ProgramTemplatesModule } from '../program-templates/program-templates.module';
import { SeedService } from './seed.service';

@Module({ imports: [ProgramTemplatesModule], providers: [SeedService], exports: [SeedService] })
export class SeedModule {}
