import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '../auth/auth.module';
import { User } from '../database/entities/user.entity';
import { MailModule } from '../mail/mail.module';
import { AccountController } from './account.controller';
import { AccountService } from './account.service';
import { AccountLinksController } from './account-links.controller';
import { AccountLinksService } from './account-links.service';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

@Module({
  imports: [TypeOrmModule.forFeature([User]), AuthModule, MailModule],
  controllers: [UsersController, AccountLinksController, AccountController],
  providers: [UsersService, AccountLinksService, AccountService],
  exports: [UsersService, AccountLinksService],
})
export class UsersModule {}
