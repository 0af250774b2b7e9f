import { Module } from '@nestjs/common';
import { PeopleController } from './people.controller';
import { PeopleMergeService } from './people-merge.service';
import { PeopleService } from './people.service';

@Module({ controllers: [PeopleController], providers: [PeopleService, PeopleMergeService], exports: [PeopleService] })
export class PeopleModule {}
