// What GET/POST /api/session answer, and the one place the shell keeps it.
import type { User } from '../../../domain/accounts.ts';

export type SecondFactorMethod = 'totp' | 'passkey' | 'recovery';

export interface SessionAnswer {
  user: User;
  csrfToken: string;
  secondFactor: 'none' | 'pending' | SecondFactorMethod;
  methods: SecondFactorMethod[];
  mustEnrolTwoFactor?: boolean;
}
