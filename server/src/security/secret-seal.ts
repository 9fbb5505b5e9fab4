import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * AES-256-GCM for secrets that must be readable later (an initial password until its postcard is
 * printed, a reissued password or link token until its mail is sent): readable by the app,
 * useless to anyone holding only a database dump.
 */
export class SecretSeal {
  constructor(private readonly key: Buffer) {}

  /** The configured key, or (development) one generated once under the data directory. */
  static fromConfig(key: Buffer | undefined, dataDir: string): SecretSeal {
    if (key) return new SecretSeal(key);
    const file = path.join(dataDir, 'seal.key');
    if (!existsSync(file)) {
      mkdirSync(dataDir, { recursive: true });
      writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600, flag: 'wx' });
    }
    return new SecretSeal(Buffer.from(readFileSync(file, 'utf8').trim(), 'base64'));
  }

  /** A key of its own for one purpose (HKDF), so the sealing key itself never keys anything else. */
  derive(purpose: string): Buffer {
    return Buffer.from(hkdfSync('sha256', this.key, Buffer.alloc(0), purpose, 32));
  }

  seal(plain: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
  }

  open(sealed: string): string {
    const raw = Buffer.from(sealed, 'base64');
    const decipher = createDecipheriv('aes-256-gcm', this.key, raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
  }
}
