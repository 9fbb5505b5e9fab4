import type { Pool } from 'pg';
import type { DataSource } from 'typeorm';
import { type Clock, systemClock } from './clock';
import type { Config } from './config';
import { AuditService } from './modules/audit/audit.service';
import { AuthService } from './modules/auth/auth.service';
import { LoginThrottle } from './modules/auth/login-throttle';
import { SessionService } from './modules/auth/session.service';
import { ViewerService } from './modules/auth/viewer.service';
import { CredentialsService } from './modules/credentials/credentials.service';
import { PasswordHasher } from './modules/credentials/password-hasher';
import { PostcardSeal } from './modules/operators/postcard-seal';
import { ProvisioningService } from './modules/operators/provisioning.service';

/** The composition root: every service built once, by hand, in dependency order. */
export function createServices(config: Config, db: DataSource, clock: Clock = systemClock) {
  const pool = (db.driver as unknown as { master: Pool }).master;
  const hasher = new PasswordHasher(config.argon2);
  const audit = new AuditService(db, clock);
  const sessions = new SessionService(db, config, clock);
  const throttle = new LoginThrottle(pool, config);
  const viewers = new ViewerService(db);
  return {
    config,
    clock,
    db,
    hasher,
    audit,
    sessions,
    throttle,
    viewers,
    auth: new AuthService(db, hasher, sessions, throttle, audit, config, clock),
    credentials: new CredentialsService(db, hasher, sessions, audit, throttle, clock),
    provisioning: new ProvisioningService(
      db,
      hasher,
      PostcardSeal.fromConfig(config.postcardKey, config.dataDir),
      audit,
      config,
      clock,
    ),
  };
}

export type Services = ReturnType<typeof createServices>;
