import { Controller, Get, Inject, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { ZodResponse } from '../common/zod-response';
import { Roles } from '../auth/auth.decorators';
import { lanUrls, PUBLIC_URL } from './join-address';
import { JoinAddressDto } from './sessions.dto';

/** Where join links and QR codes point: PUBLIC_URL, else (for staff only) the server's own LAN addresses. */
@ApiTags('sessions')
@Controller('join-address')
export class JoinAddressController {
  constructor(@Inject(PUBLIC_URL) private readonly publicUrl: string | null) {}

  @Roles('organizer', 'manager', 'admin')
  @Get()
  @ZodResponse({ type: JoinAddressDto })
  get(@Req() req: Request) {
    // The port this request came in on: the one phones on the same network reach the server by.
    const port = req.socket.localPort ?? Number(process.env.PORT ?? 3000);
    return { publicUrl: this.publicUrl, lanUrls: lanUrls(port) };
  }
}
