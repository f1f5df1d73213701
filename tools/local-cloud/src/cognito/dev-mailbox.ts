import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** A message the local Cognito "sent": shown on `<web>/_dev/mail` and `<web>/_dev/mail.json`. */
export interface DevMail {
  readonly to: string;
  readonly subject: string;
  readonly code: string;
  readonly sentAt: string;
}

const KEEP = 200;

/** The dev mailbox: newest first, kept in the state dir so codes survive a restart. */
export class DevMailbox {
  private mails: DevMail[] = [];

  constructor(private readonly file: string | undefined) {
    if (file && existsSync(file)) {
      try {
        const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
        if (Array.isArray(parsed)) this.mails = parsed as DevMail[];
      } catch {
        this.mails = [];
      }
    }
  }

  add(mail: DevMail): void {
    this.mails = [mail, ...this.mails].slice(0, KEEP);
    if (this.file) {
      mkdirSync(dirname(this.file), { recursive: true });
      writeFileSync(this.file, JSON.stringify(this.mails, null, 1));
    }
  }

  list(): readonly DevMail[] {
    return this.mails;
  }
}
