import WebSocket from 'ws';
import type { RowReader } from './result-transport.bench.js';

/** One in-process Redwire client (the transport figure): submit over the socket, rows over GET /statements/{id}/result. */
export class RedwireClient {
  private constructor(
    private readonly ws: WebSocket,
    private readonly rest: string,
    private readonly token: string,
  ) {}

  static connect(websocketUrl: string, rest: string, token: string): Promise<RedwireClient> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(`${websocketUrl}?token=${encodeURIComponent(token)}`);
      ws.once('open', () => resolve(new RedwireClient(ws, rest, token)));
      ws.once('error', reject);
    });
  }

  /** Submits `report` and resolves its statement id once `completed` arrives. */
  run(report: string, params: Record<string, unknown>, timeoutMs = 120_000): Promise<string> {
    const requestId = `bench-${Date.now()}-${Math.floor(Math.random() * 1e9)}`;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => done(new Error(`no outcome for ${report} within ${timeoutMs} ms`)), timeoutMs);
      const onMessage = (data: WebSocket.RawData) => {
        const message = JSON.parse(data.toString()) as { type?: string; requestId?: string; statementId?: string; error?: unknown; message?: string };
        if (message.requestId !== requestId) return;
        if (message.type === 'completed' && message.statementId) done(undefined, message.statementId);
        else if (message.type !== 'accepted') done(new Error(`${report}: ${JSON.stringify(message)}`));
      };
      const done = (error?: Error, statementId?: string) => {
        clearTimeout(timer);
        this.ws.off('message', onMessage);
        if (error) reject(error);
        else resolve(statementId as string);
      };
      this.ws.on('message', onMessage);
      this.ws.send(JSON.stringify({ action: 'submit', requestId, topic: 'bench', report, params }));
    });
  }

  /** Reads every page of a result through Redwire's HTTP API, following `cursor`. */
  readonly readAllRows: RowReader = async (statementId) => {
    let rows = 0;
    let cursor: string | undefined;
    do {
      const url = `${this.rest}/statements/${statementId}/result${cursor ? `?cursor=${encodeURIComponent(cursor)}` : ''}`;
      const response = await fetch(url, { headers: { authorization: `Bearer ${this.token}` } });
      const page = (await response.json()) as { rows?: unknown[]; cursor?: string };
      if (!response.ok || !Array.isArray(page.rows)) throw new Error(`GET /result → ${response.status} ${JSON.stringify(page).slice(0, 300)}`);
      rows += page.rows.length;
      cursor = page.cursor;
    } while (cursor);
    return rows;
  };

  close(): void {
    this.ws.close();
  }
}
