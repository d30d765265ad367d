// A minimal SMTP client (RFC 5321) on node:net, enough for a relay on the local network that needs no
// authentication: EHLO (HELO as a fallback), MAIL FROM, RCPT TO, DATA, QUIT. Plain text, UTF-8.
import { connect, type Socket } from 'node:net';

export interface Mail {
  from: string;
  to: string[];
  subject: string;
  text: string;
}

export interface SmtpTarget {
  host: string;
  port: number;
  /** Name given in EHLO. */
  clientName?: string;
  timeoutMs?: number;
}

/** smtp://host:port (port 25 by default); null when the URL is not an smtp: URL. */
export function smtpTarget(url: string | undefined): SmtpTarget | null {
  if (!url?.trim()) return null;
  let u: URL;
  try {
    u = new URL(url.trim());
  } catch {
    return null;
  }
  if (u.protocol !== 'smtp:' || !u.hostname) return null;
  return { host: u.hostname.replace(/^\[|\]$/g, ''), port: u.port ? Number(u.port) : 25 };
}

const encodeWord = (s: string) => (/^[\x20-\x7e]*$/.test(s) ? s : `=?UTF-8?B?${Buffer.from(s, 'utf8').toString('base64')}?=`);
const cleanAddress = (a: string) => {
  if (!/^[^\s<>@]+@[^\s<>@]+$/.test(a)) throw new Error(`not an e-mail address: ${JSON.stringify(a)}`);
  return a;
};

export function formatMessage(mail: Mail, date: Date, messageId: string): string {
  const body = mail.text.replace(/\r?\n/g, '\r\n').replace(/^\./gm, '..');
  return [
    `From: ${mail.from}`,
    `To: ${mail.to.join(', ')}`,
    `Subject: ${encodeWord(mail.subject.replace(/[\r\n]+/g, ' '))}`,
    `Date: ${date.toUTCString().replace('GMT', '+0000')}`,
    `Message-ID: <${messageId}>`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: 8bit',
    '',
    body,
  ].join('\r\n');
}

/** Reads SMTP replies (multi-line "250-…" then "250 …") one at a time. */
function replies(socket: Socket): () => Promise<{ code: number; text: string }> {
  let buffer = '';
  const waiting: ((r: { code: number; text: string } | Error) => void)[] = [];
  const ready: ({ code: number; text: string } | Error)[] = [];
  let lines: string[] = [];
  const push = (r: { code: number; text: string } | Error) => {
    const w = waiting.shift();
    if (w) w(r);
    else ready.push(r);
  };
  socket.setEncoding('utf8');
  socket.on('data', (chunk: string) => {
    buffer += chunk;
    for (let i = buffer.indexOf('\n'); i >= 0; i = buffer.indexOf('\n')) {
      const line = buffer.slice(0, i).replace(/\r$/, '');
      buffer = buffer.slice(i + 1);
      lines.push(line);
      if (/^\d{3}(?: |$)/.test(line)) {
        push({ code: Number(line.slice(0, 3)), text: lines.join('\n') });
        lines = [];
      } else if (!/^\d{3}-/.test(line)) push(new Error(`unexpected SMTP reply line: ${line.slice(0, 200)}`));
    }
  });
  const fail = (err: Error) => push(err);
  socket.on('error', fail);
  socket.on('close', () => push(new Error('the SMTP server closed the connection')));
  return () =>
    new Promise((resolve, reject) => {
      const r = ready.shift();
      const settle = (v: { code: number; text: string } | Error) => (v instanceof Error ? reject(v) : resolve(v));
      if (r) settle(r);
      else waiting.push(settle);
    });
}

export async function sendMail(target: SmtpTarget, mail: Mail, now = new Date()): Promise<void> {
  const to = mail.to.map(cleanAddress);
  const from = cleanAddress(mail.from);
  const socket = connect({ host: target.host, port: target.port });
  socket.setTimeout(target.timeoutMs ?? 15_000, () => socket.destroy(new Error('the SMTP server did not answer in time')));
  const next = replies(socket);
  const expect = async (ok: (code: number) => boolean, what: string) => {
    const r = await next();
    if (!ok(r.code)) throw new Error(`SMTP ${what} refused: ${r.text.slice(0, 300)}`);
    return r;
  };
  const send = (line: string) => socket.write(`${line}\r\n`);
  try {
    await expect((c) => c === 220, 'greeting');
    const name = target.clientName ?? 'relais.localhost';
    send(`EHLO ${name}`);
    const ehlo = await next();
    if (ehlo.code !== 250) {
      send(`HELO ${name}`);
      await expect((c) => c === 250, 'HELO');
    }
    send(`MAIL FROM:<${from}>`);
    await expect((c) => c === 250, 'MAIL FROM');
    for (const rcpt of to) {
      send(`RCPT TO:<${rcpt}>`);
      await expect((c) => c === 250 || c === 251, `RCPT TO ${rcpt}`);
    }
    send('DATA');
    await expect((c) => c === 354, 'DATA');
    const id = `${now.getTime().toString(36)}.${Math.random().toString(36).slice(2)}@${name}`;
    socket.write(`${formatMessage({ ...mail, to }, now, id)}\r\n.\r\n`);
    await expect((c) => c === 250, 'message');
    send('QUIT');
    await next().catch(() => undefined);
  } finally {
    socket.destroy();
  }
}
