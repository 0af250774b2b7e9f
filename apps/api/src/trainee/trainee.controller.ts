import { Body, Controller, Get, HttpCode, Param, Post, Put, Req, Res } from '@nestjs/common';
import { ApiHeader, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { ZodResponse } from '../common/zod-response';
import { Public } from '../auth/auth.decorators';
import {
  AttemptResultDto,
  AttemptReviewDto,
  StartAttemptRequestDto,
  JoinCodeParamDto,
  JoinRequestDto,
  SaveAnswerRequestDto,
  SubmitAttemptRequestDto,
  TraineeAnswerParamDto,
  TraineeAssessmentParamDto,
  TraineeAttemptDto,
  TraineeAttemptParamDto,
  TraineeSessionDto,
} from './trainee.dto';
import { IdempotencyKey } from './idempotency-key.decorator';
import { TraineeService } from './trainee.service';

export const TRAINEE_COOKIE = 'sj_trainee';
const DEVICE_COOKIE_MAX_AGE_MS = 30 * 24 * 60 * 60 * 1000;

/** The client's address as Express sees it (TRUST_PROXY is honoured): wrong codes are counted by it. */
const clientAddress = (req: Request): string => req.ip ?? req.socket.remoteAddress ?? '';

/** The trainee's phone: no account, identified per session by a device cookie scoped to the session's path. */
const deviceToken = (req: Request): string | undefined => {
  const token: unknown = req.cookies?.[TRAINEE_COOKIE];
  return typeof token === 'string' ? token : undefined;
};

@ApiTags('trainee')
@Public()
@Controller('join/:code')
export class TraineeController {
  constructor(private readonly trainee: TraineeService) {}

  @Get()
  @ZodResponse({ type: TraineeSessionDto })
  view(@Param() params: JoinCodeParamDto, @Req() req: Request) {
    return this.trainee.view(params.code, deviceToken(req), clientAddress(req));
  }

  @Post()
  @HttpCode(200)
  @ZodResponse({ type: TraineeSessionDto })
  async join(
    @Param() params: JoinCodeParamDto,
    @Body() body: JoinRequestDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    const { token, view } = await this.trainee.join(params.code, body, deviceToken(req), clientAddress(req));
    res.cookie(TRAINEE_COOKIE, token, {
      httpOnly: true,
      sameSite: 'lax',
      secure: process.env.COOKIE_SECURE === 'true',
      path: `/api/join/${params.code}`,
      maxAge: DEVICE_COOKIE_MAX_AGE_MS,
    });
    return view;
  }

  @Post('assessments/:assessmentId/attempt')
  @HttpCode(200)
  @ZodResponse({ type: TraineeAttemptDto })
  start(@Param() params: TraineeAssessmentParamDto, @Body() body: StartAttemptRequestDto, @Req() req: Request) {
    return this.trainee.startAttempt(params.code, params.assessmentId, body.attemptNumber, deviceToken(req), clientAddress(req));
  }

  @Get('attempts/:attemptId/review')
  @ZodResponse({ type: AttemptReviewDto })
  review(@Param() params: TraineeAttemptParamDto, @Req() req: Request) {
    return this.trainee.review(params.code, params.attemptId, deviceToken(req), clientAddress(req));
  }

  @Put('attempts/:attemptId/answers/:questionId')
  @HttpCode(204)
  async save(@Param() params: TraineeAnswerParamDto, @Body() body: SaveAnswerRequestDto, @Req() req: Request) {
    await this.trainee.saveAnswer(params.code, params.attemptId, params.questionId, body.optionIds, deviceToken(req), clientAddress(req));
  }

  @Post('attempts/:attemptId/submit')
  @HttpCode(200)
  @ApiHeader({ name: 'Idempotency-Key', required: true, description: 'A UUID; a retry with the same key returns the first result' })
  @ZodResponse({ type: AttemptResultDto })
  submit(
    @Param() params: TraineeAttemptParamDto,
    @Body() body: SubmitAttemptRequestDto,
    @IdempotencyKey() idempotencyKey: string,
    @Req() req: Request,
  ) {
    return this.trainee.submit(params.code, params.attemptId, body.answers, idempotencyKey, deviceToken(req), clientAddress(req));
  }
}
