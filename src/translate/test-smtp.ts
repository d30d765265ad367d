// Test helper: a loopback SMTP server that records each session's commands and message.
import { createServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

export async function smtpServer(opts: { rejectRcpt?: boolean } = {}) {
  const sessions: { commands: string[]; data: string }[] = [];
  const server = createServer((socket: Socket) => {
    const s = { commands: [] as string[], data: '' };
    sessions.push(s);
    let buffer = '';
    let inData = false;
    socket.write('220 test ESMTP\r\n');
    socket.on('data', (chunk) => {
      buffer += chunk.toString('utf8');
      for (;;) {
        if (inData) {
          const end = buffer.indexOf('\r\n.\r\n');
          if (end < 0) return;
          s.data = buffer.slice(0, end);
          buffer = buffer.slice(end + 5);
          inData = false;
          socket.write('250 queued\r\n');
          continue;
        }
        const i = buffer.indexOf('\r\n');
        if (i < 0) return;
        const line = buffer.slice(0, i);
        buffer = buffer.slice(i + 2);
        s.commands.push(line);
        if (/^EHLO/.test(line)) socket.write('250-test\r\n250 8BITMIME\r\n');
        else if (/^RCPT/.test(line) && opts.rejectRcpt) socket.write('550 no such user\r\n');
        else if (line === 'DATA') {
          inData = true;
          socket.write('354 go ahead\r\n');
        } else if (line === 'QUIT') socket.end('221 bye\r\n');
        else socket.write('250 ok\r\n');
      }
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  return { port, sessions, close: () => new Promise<void>((r) => server.close(() => r())) };
}
