import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { MailModule } from '../mail/mail.module';
import { AccountLinksController } from './account-links.controller';
import { AccountLinksService } from './account-links.service';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

@Module({
  imports: [AuthModule, MailModule],
  controllers: [UsersController, AccountLinksController],
  providers: [UsersService, AccountLinksService],
  exports: [UsersService, AccountLinksService],
})
export class UsersModule {}
