import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { existsSync } from 'node:fs';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { ZodValidationPipe } from 'nestjs-zod';
import { AuditModule } from './audit/audit.module';
import { AttendanceSheetsModule } from './attendance-sheets/attendance-sheets.module';
import { ReportsModule } from './reports/reports.module';
import { CertificatesModule } from './certificates/certificates.module';
import { AuthModule } from './auth/auth.module';
import { ApiExceptionFilter } from './common/api-exception.filter';
import { ClockModule } from './common/clock';
import { dataSourceOptions } from './database/data-source-options';
import { workAsAppRole } from './database/tenancy';
import { EnrolmentsModule } from './enrolments/enrolments.module';
import { ExportsModule } from './exports/exports.module';
import { IndicatorsModule } from './indicators/indicators.module';
import { OrganizationsModule } from './organizations/organizations.module';
import { PeopleModule } from './people/people.module';
import { PlanModule } from './plan/plan.module';
import { ProgramsModule } from './programs/programs.module';
import { ProgramTemplatesModule } from './program-templates/program-templates.module';
import { QuestionsModule } from './questions/questions.module';
import { SeedModule } from './seed/seed.module';
import { SessionsModule } from './sessions/sessions.module';
import { SetupModule } from './setup/setup.module';
import { ThrottleModule } from './throttle/throttle.module';
import { TestClockModule } from './test-clock/test-clock.module';
import { testClockWanted } from './test-clock/test-clock';
import { TraineeModule } from './trainee/trainee.module';
import { UsersModule } from './users/users.module';
import { WebAppModule } from './web-app/web-app.module';

export interface AppOptions {
  /** The owner's connection: migrations run on it (and the app too, after SET ROLE, unless appDatabaseUrl is given). */
  databaseUrl: string;
  /** A login role that is a member of sujarit_app, for the app's own connections (DATABASE_APP_URL). */
  appDatabaseUrl?: string;
  /** The built web app to serve beside the API, when it exists. */
  webRoot?: string;
}

/** The options the app was made with: configureApp migrates on the owner's connection. */
export const APP_OPTIONS = Symbol('AppOptions');

@Module({})
export class AppModule {
  static forRoot(options: AppOptions): DynamicModule {
    const serveWeb = options.webRoot && existsSync(options.webRoot) ? [WebAppModule.forRoot(options.webRoot)] : [];
    return {
      module: AppModule,
      imports: [
        TypeOrmModule.forRootAsync({
          useFactory: () => dataSourceOptions(options.appDatabaseUrl || options.databaseUrl),
          // Installed once connected: TypeORM's own first query runs before the migrations have made the role.
          dataSourceFactory: async (dataSourceOptions) => {
            const dataSource = await new DataSource(dataSourceOptions as DataSourceOptions).initialize();
            workAsAppRole(dataSource);
            return dataSource;
          },
        }),
        // The browser tests' movable clock, only when a test run asks for it (testClockWanted).
        testClockWanted() ? TestClockModule : ClockModule,
        ThrottleModule,
        AuditModule,
        OrganizationsModule,
        SetupModule,
        AuthModule,
        ProgramsModule,
        ProgramTemplatesModule,
        SessionsModule,
        TraineeModule,
        IndicatorsModule,
        ExportsModule,
        PlanModule,
        PeopleModule,
        QuestionsModule,
        EnrolmentsModule,
        AttendanceSheetsModule,
        ReportsModule,
        CertificatesModule,
        SeedModule,
        UsersModule,
        ...serveWeb,
      ],
      providers: [
        { provide: APP_OPTIONS, useValue: options },
        { provide: APP_PIPE, useClass: ZodValidationPipe },
        { provide: APP_FILTER, useClass: ApiExceptionFilter },
      ],
    };
  }
}
