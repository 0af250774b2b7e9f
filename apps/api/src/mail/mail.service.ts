import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

/**
 * Sends mail through the SMTP server in `SMTP_URL` (e.g. `smtps://user:pass@mail.example.go.th:465`), from
 * `SMTP_FROM`. Without `SMTP_URL` nothing is sent and callers show their links on screen instead.
 */
@Injectable()
export class MailService implements OnApplicationShutdown {
  private readonly logger = new Logger('Mail');
  private readonly transport: Transporter | null;
  private readonly from: string;

  constructor() {
    const url = process.env.SMTP_URL;
    // Bounded waits: an admin's request waits for the mail server, which must not hang it.
    this.transport = url ? createTransport({ url, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 }) : null;
    this.from = process.env.SMTP_FROM || 'สุจริต <no-reply@localhost>';
  }

  get enabled(): boolean {
    return this.transport !== null;
  }

  /** Whether the mail server took the message. A failure is logged without the message, which holds a secret link. */
  async send(message: MailMessage): Promise<boolean> {
    if (!this.transport) return false;
    try {
      await this.transport.sendMail({ from: this.from, to: message.to, subject: message.subject, text: message.text });
      return true;
    } catch (error) {
      const code = typeof error === 'object' && error && 'code' in error ? String(error.code) : 'unknown';
      this.logger.warn(`The mail server did not take a message (${code})`);
      return false;
    }
  }

  onApplicationShutdown(): void {
    this.transport?.close();
  }
}
