import { Module } from '@nestjs/common';
import { AttemptsModule } from '../attempts/attempts.module';
import { PeopleModule } from '../people/people.module';
import { TraineeController } from './trainee.controller';
import { TraineeAccess } from './trainee-access';
import { TraineeAttemptsService } from './trainee-attempts.service';
import { TraineeService } from './trainee.service';

@Module({
  imports: [AttemptsModule, PeopleModule],
  controllers: [TraineeController],
  providers: [TraineeService, TraineeAttemptsService, TraineeAccess],
})
export class TraineeModule {}
