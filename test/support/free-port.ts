import { createServer } from 'node:net';

/**
 * A loopback port nobody is listening on, chosen by the OS. A fixed random number in the ephemeral
 * range can be taken by any outgoing connection of a parallel test; asking the OS avoids that.
 */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
