import { Module } from '@nestjs/common';
import { ProgramsModule } from '../programs/programs.module';
import { SeedService } from './seed.service';

@Module({ imports: [ProgramsModule], providers: [SeedService], exports: [SeedService] })
export class SeedModule {}
