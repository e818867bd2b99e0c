import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import * as tls from 'node:tls';

/** PEM files made for one test run: a CA, the proxy's server certificate, and client certificates. */
export interface TestPki {
  dir: string;
  caPath: string;
  serverCertPath: string;
  serverKeyPath: string;
  /** Signed by the CA: admitted. */
  client: { certPath: string; keyPath: string };
  /** Signed by a CA the proxy does not trust: refused. */
  stranger: { certPath: string; keyPath: string };
  remove(): void;
}

/** The name in the server certificate; the proxy listens on 127.0.0.1, so clients must override the name they check. */
export const TEST_SERVER_NAME = 'temporal.creatorops.test';

/** Generates the certificates with the openssl CLI (P-256 keys: quick to make). */
export function createTestPki(): TestPki {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'creatorops-pki-'));
  const file = (name: string) => path.join(dir, name);
  const openssl = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
  const key = (name: string) => openssl('genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', file(name));
  const ca = (name: string) => {
    key(`${name}.key`);
    openssl('req', '-x509', '-new', '-key', file(`${name}.key`), '-out', file(`${name}.pem`), '-days', '2', '-subj', `/CN=${name}`,
      '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign');
  };
  const leaf = (name: string, signer: string, extensions: string) => {
    key(`${name}.key`);
    openssl('req', '-new', '-key', file(`${name}.key`), '-out', file(`${name}.csr`), '-subj', `/CN=${name}`);
    fs.writeFileSync(file(`${name}.ext`), extensions);
    openssl('x509', '-req', '-in', file(`${name}.csr`), '-CA', file(`${signer}.pem`), '-CAkey', file(`${signer}.key`), '-CAcreateserial',
      '-out', file(`${name}.pem`), '-days', '2', '-extfile', file(`${name}.ext`));
  };
  ca('test-ca');
  ca('stranger-ca');
  leaf('server', 'test-ca', `basicConstraints=CA:FALSE\nsubjectAltName=DNS:${TEST_SERVER_NAME}\nextendedKeyUsage=serverAuth\nkeyUsage=digitalSignature\n`);
  const clientExtensions = 'basicConstraints=CA:FALSE\nextendedKeyUsage=clientAuth\nkeyUsage=digitalSignature\n';
  leaf('client', 'test-ca', clientExtensions);
  leaf('stranger', 'stranger-ca', clientExtensions);
  return {
    dir,
    caPath: file('test-ca.pem'),
    serverCertPath: file('server.pem'),
    serverKeyPath: file('server.key'),
    client: { certPath: file('client.pem'), keyPath: file('client.key') },
    stranger: { certPath: file('stranger.pem'), keyPath: file('stranger.key') },
    remove: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

export interface TlsProxy {
  /** host:port to give as TEMPORAL_ADDRESS. */
  address: string;
  /** Connections that presented a client certificate the proxy trusts, and those it turned away. */
  readonly admitted: number;
  readonly refused: number;
  close(): Promise<void>;
}

/**
 * A TLS-terminating proxy that requires a client certificate from the test CA and pipes the
 * decrypted bytes to a plain-TCP gRPC server (the Temporal dev server has no TLS of its own).
 * gRPC is HTTP/2 over the stream, so a byte pipe carries it.
 */
export async function startTlsProxy(pki: TestPki, upstream: string): Promise<TlsProxy> {
  const [host, port] = [upstream.slice(0, upstream.lastIndexOf(':')), Number(upstream.slice(upstream.lastIndexOf(':') + 1))];
  const counts = { admitted: 0, refused: 0 };
  const sockets = new Set<net.Socket>();
  const server = tls.createServer(
    {
      cert: fs.readFileSync(pki.serverCertPath),
      key: fs.readFileSync(pki.serverKeyPath),
      ca: fs.readFileSync(pki.caPath),
      requestCert: true,
      rejectUnauthorized: true,
      ALPNProtocols: ['h2'],
    },
    (client) => {
      counts.admitted++;
      const backend = net.connect(port, host === 'localhost' ? '127.0.0.1' : host);
      sockets.add(client).add(backend);
      client.pipe(backend).pipe(client);
      const end = () => {
        client.destroy();
        backend.destroy();
        sockets.delete(client);
        sockets.delete(backend);
      };
      client.on('error', end).on('close', end);
      backend.on('error', end).on('close', end);
    },
  );
  server.on('tlsClientError', (_error, socket) => {
    counts.refused++;
    socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port: listening } = server.address() as net.AddressInfo;
  return {
    address: `127.0.0.1:${listening}`,
    get admitted() {
      return counts.admitted;
    },
    get refused() {
      return counts.refused;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
