/**
 * A tiny forward proxy for Firefox: the way its pages reach the local mirror.
 *
 * Firefox is pointed at it with its own manual proxy prefs (network.proxy.type = 1,
 * network.proxy.http / network.proxy.ssl = 127.0.0.1:<port>), so the browser and
 * the extension talk to http://arxiv.org/… and https://pith.science/… exactly
 * as they would on the real network:
 *  - plain HTTP arrives as an absolute-URI request (`GET http://arxiv.org/abs/… HTTP/1.1`)
 *    and is forwarded to the mirror's HTTP port with the Host header kept, so the
 *    mirror picks the fixture pages by host;
 *  - HTTPS arrives as `CONNECT pith.science:443`, and the tunnel is spliced onto the
 *    mirror's TLS port (self-signed certificate: the session accepts it with
 *    acceptInsecureCerts).
 * Hosts not in the map get 502 (this machine has no other network anyway), so
 * Firefox's own background traffic ends here instead of timing out.
 */
import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';

export interface ProxyTargets {
  /** Host names whose plain-HTTP requests go to 127.0.0.1:httpPort. */
  http: Record<string, number>;
  /** Host names whose CONNECT :443 tunnels go to 127.0.0.1:port. */
  https: Record<string, number>;
}

export interface Proxy {
  port: number;
  /** Requests seen, `METHOD host` (for debugging a test that cannot reach its page). */
  seen: string[];
  stop(): Promise<void>;
}

export async function startProxy(targets: ProxyTargets): Promise<Proxy> {
  const seen: string[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let url: URL;
    try {
      url = new URL(req.url ?? '');
    } catch {
      res.writeHead(400).end();
      return;
    }
    seen.push(`${req.method} ${url.host}`);
    const port = url.protocol === 'http:' ? targets.http[url.hostname] : undefined;
    if (port === undefined) {
      res.writeHead(502, { 'Content-Type': 'text/plain' }).end(`no route to ${url.host}`);
      return;
    }
    const headers = { ...req.headers };
    delete headers['proxy-connection'];
    const upstream = request({ host: '127.0.0.1', port, method: req.method, path: url.pathname + url.search, headers }, (up) => {
      res.writeHead(up.statusCode ?? 502, up.headers);
      up.pipe(res);
    });
    upstream.on('error', () => {
      if (!res.headersSent) res.writeHead(502);
      res.destroy();
    });
    req.pipe(upstream);
  });

  server.on('connect', (req: IncomingMessage, client: Socket, head: Buffer) => {
    const [host = '', portText = '443'] = (req.url ?? '').split(':');
    seen.push(`CONNECT ${req.url}`);
    const port = portText === '443' ? targets.https[host.toLowerCase()] : undefined;
    if (port === undefined) {
      client.end('HTTP/1.1 502 Bad Gateway\r\n\r\n');
      return;
    }
    const upstream = connect(port, '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => {
        client.destroy();
        upstream.destroy();
      });
    }
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    seen,
    async stop() {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
