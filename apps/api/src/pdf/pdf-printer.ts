import { HttpStatus, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import type { Browser } from 'playwright-core';
import { DomainError } from '../common/domain.error';

/** Headless Debian Chromium on a closed network: no first-run, sync or background requests. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** What the user is told when no PDF can be made, unless the caller names its own way round (see print()). */
const DEFAULT_UNAVAILABLE_MESSAGE =
  'เครื่องแม่ข่ายสร้างไฟล์ PDF ไม่ได้ในขณะนี้ กรุณาเปิดใบลงชื่อแบบหน้าเว็บ (HTML) แล้วกดปุ่ม "พิมพ์ใบลงชื่อ" เพื่อพิมพ์หรือบันทึกเป็น PDF จากเบราว์เซอร์ของคุณ';

const pdfUnavailable = (message = DEFAULT_UNAVAILABLE_MESSAGE) => new DomainError('PDF_UNAVAILABLE', message, HttpStatus.SERVICE_UNAVAILABLE);

/**
 * Prints HTML to PDF with the system's Chromium: the only renderer found to place Thai marks right and keep the
 * text copyable. The browser starts on the first PDF asked for and is reused; each PDF gets its own context.
 */
@Injectable()
export class PdfPrinter implements OnModuleDestroy {
  private readonly logger = new Logger(PdfPrinter.name);
  private browser: Promise<Browser> | null = null;

  /**
   * Prints one HTML document. A portrait page with margins and the footer given (attendance sheet, reports), or with
   * `landscape` a borderless A4 landscape page laid out by the document itself, without a footer (certificates).
   * `unavailableMessage`: what the user may do instead when no PDF can be made (the default speaks of the attendance sheet).
   */
  async print(html: string, footerTemplate: string, options: { unavailableMessage?: string; landscape?: boolean } = {}): Promise<Buffer> {
    const browser = await this.launch().catch(() => {
      throw pdfUnavailable(options.unavailableMessage);
    });
    // The page is ours and needs nothing: no script runs and no request leaves it.
    const context = await browser.newContext({ javaScriptEnabled: false }).catch(() => null);
    if (!context) throw pdfUnavailable(options.unavailableMessage);
    try {
      await context.route('**/*', (route) => route.abort());
      const page = await context.newPage();
      await page.setContent(html, { waitUntil: 'load' });
      if (options.landscape) {
        return await page.pdf({ format: 'A4', landscape: true, printBackground: true, margin: { top: '0', right: '0', bottom: '0', left: '0' } });
      }
      return await page.pdf({
        format: 'A4',
        printBackground: true,
        margin: { top: '14mm', right: '12mm', bottom: '16mm', left: '12mm' },
        displayHeaderFooter: true,
        headerTemplate: '<span></span>',
        footerTemplate,
      });
    } catch (error) {
      // The message only: the page itself holds trainees' names.
      this.logger.error(`PDF rendering failed: ${firstLine(error)}`);
      throw pdfUnavailable(options.unavailableMessage);
    } finally {
      await context.close().catch(() => undefined);
    }
  }

  async onModuleDestroy(): Promise<void> {
    const browser = this.browser;
    this.browser = null;
    if (browser) await browser.then((b) => b.close()).catch(() => undefined);
  }

  private launch(): Promise<Browser> {
    this.browser ??= this.start();
    return this.browser;
  }

  private async start(): Promise<Browser> {
    const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
    try {
      // Loaded on the first PDF only: playwright-core is a large module (~70 MB resident) most processes never need.
      // (require, not import(): the package is CommonJS, and jest runs this code without native dynamic imports.)
      const { chromium } = require('playwright-core') as typeof import('playwright-core');
      const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, timeout: 30_000 });
      // A crashed browser is started again on the next request.
      browser.on('disconnected', () => {
        this.browser = null;
      });
      return browser;
    } catch (error) {
      this.browser = null;
      this.logger.warn(`Chromium at ${executablePath} did not start, PDFs are unavailable: ${firstLine(error)}`);
      throw pdfUnavailable();
    }
  }
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0];
}
