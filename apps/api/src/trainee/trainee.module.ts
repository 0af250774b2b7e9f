import { Module } from '@nestjs/common';
import { AttemptsModule } from '../attempts/attempts.module';
import { TraineeController } from './trainee.controller';
import { TraineeService } from './trainee.service';

@Module({
  imports: [AttemptsModule],
  controllers: [TraineeController],
  providers: [TraineeService],
})
export class TraineeModule {}
