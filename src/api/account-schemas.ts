// JSON schemas of the account routes' bodies (strict: unknown fields are refused).
const str = (maxLength: number) => ({ type: 'string', maxLength });
const obj = (properties: Record<string, unknown>, required: string[] = []) => ({ type: 'object', additionalProperties: false, properties, required });

export const signInBody = obj({ email: str(320), password: str(1024) }, ['email', 'password']);
export const setupBody = obj({ email: str(320), name: str(200), password: str(1024), uiLanguage: { enum: ['fr', 'en'] } }, ['email', 'name', 'password']);
export const linkBody = obj({ password: str(1024) });
export const codeBody = obj({ code: str(64) }, ['code']);
export const webauthnBody = obj({ response: { type: 'object' }, name: str(100) }, ['response']);
export const meBody = obj({ name: str(200), uiLanguage: { enum: ['fr', 'en'] }, currentPassword: str(1024), newPassword: str(1024) });
export const passwordBody = obj({ currentPassword: str(1024) });
export const userBody = obj({ email: str(320), name: str(200), role: { enum: ['owner', 'editor', 'translator', 'author'] }, personId: { type: ['integer', 'null'] } }, ['email', 'name', 'role']);
export const userChangeBody = obj({ name: str(200), role: { enum: ['owner', 'editor', 'translator', 'author'] }, status: { enum: ['active', 'disabled'] }, personId: { type: ['integer', 'null'] } });
export const tokenBody = obj({ name: str(100), scope: { enum: ['read', 'write', 'admin'] } }, ['name', 'scope']);
export const settingsBody = obj({ requireTwoFactor: { type: 'boolean' } }, ['requireTwoFactor']);
export const auditQuery = obj({ page: { type: 'integer', minimum: 1, maximum: 100000 }, pageSize: { type: 'integer', minimum: 1, maximum: 200 }, action: str(100) });
export const tokenParams = obj({ token: { type: 'string', pattern: '^[A-Za-z0-9_-]{20,100}$' } }, ['token']);
export const sidParams = obj({ sid: { type: 'string', pattern: '^[0-9a-f]{16}$' } }, ['sid']);
export const pidParams = obj({ pid: { type: 'string', maxLength: 1400 } }, ['pid']);
