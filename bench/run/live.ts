import http from 'node:http';
import { type ScenarioResult, summarize } from './measure.ts';

interface Stream {
  req: http.ClientRequest;
  open: Promise<void>;
}

/** Opens one SSE stream and calls `onMessage(clientId)` for every `message` event it receives. */
function openStream(baseUrl: string, cookie: string, onMessage: (clientId: string) => void): Stream {
  const url = new URL('/api/v1/events', baseUrl);
  let opened: () => void = () => {};
  let failed: (e: Error) => void = () => {};
  const open = new Promise<void>((resolve, reject) => {
    opened = resolve;
    failed = reject;
  });
  const req = http.get(url, { headers: { cookie, accept: 'text/event-stream' }, agent: false }, (res) => {
    if (res.statusCode !== 200) return failed(new Error(`stream answered ${res.statusCode}`));
    res.setEncoding('utf8');
    let buffer = '';
    res.on('data', (chunk: string) => {
      if (buffer === '' && chunk.startsWith('retry:')) opened();
      buffer += chunk;
      let end = buffer.indexOf('\n\n');
      while (end >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (block.includes('event: message')) {
          const data = block.split('\n').find((l) => l.startsWith('data: '));
          if (data)
            onMessage((JSON.parse(data.slice(6)) as { message: { clientId: string } }).message.clientId);
        }
        end = buffer.indexOf('\n\n');
      }
    });
  });
  req.on('error', (e) => failed(e));
  return { req, open };
}

/** Every planned user keeps an event stream open; `messages` of them get one message from their
 * thread's other side, sent at an even pace over `seconds`; the latency is from just before the POST to the event's arrival
 * on the receiver's stream. A message that never arrives (5 s grace) or a failed send is an error. */
export async function runLiveDelivery(
  baseUrl: string,
  plan: { conversationId: string; receiverCookie: string; senderCookie: string }[],
  opts: { seconds: number; messages: number },
): Promise<ScenarioResult> {
  const sentAt = new Map<string, number>();
  const latencies: number[] = [];
  const stamp = Date.now().toString(36);
  const streams = plan.map((p) =>
    openStream(baseUrl, p.receiverCookie, (clientId) => {
      const t = sentAt.get(clientId);
      if (t !== undefined) {
        latencies.push(performance.now() - t);
        sentAt.delete(clientId);
      }
    }),
  );
  await Promise.all(streams.map((s) => s.open));
  let errors = 0;
  const failures = new Map<number, number>();
  let firstFailure = '';
  const started = performance.now();
  const senders = plan.slice(0, opts.messages);
  const gap = (opts.seconds * 1000) / senders.length;
  const sends: Promise<void>[] = [];
  for (const [i, p] of senders.entries()) {
    const due = started + i * gap;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const clientId = `live-${stamp}-${i}`;
    sentAt.set(clientId, performance.now());
    sends.push(
      fetch(`${baseUrl}/api/v1/conversations/${p.conversationId}/messages`, {
        method: 'POST',
        headers: { cookie: p.senderCookie, origin: baseUrl, 'content-type': 'application/json' },
        body: JSON.stringify({ body: `Živá správa ${i} — live message`, clientId }),
      }).then(async (res) => {
        const text = await res.text();
        if (res.status !== 201 && res.status !== 200) {
          // Failed sends are counted here, not again as lost messages.
          errors += 1;
          sentAt.delete(clientId);
          failures.set(res.status, (failures.get(res.status) ?? 0) + 1);
          if (failures.size === 1 && (failures.get(res.status) ?? 0) === 1) firstFailure = text.slice(0, 200);
        }
      }),
    );
  }
  await Promise.all(sends);
  const graceUntil = performance.now() + 5000;
  while (sentAt.size > 0 && performance.now() < graceUntil) await new Promise((r) => setTimeout(r, 50));
  const seconds = (performance.now() - started) / 1000;
  const lost = sentAt.size;
  errors += lost;
  if (failures.size > 0 || lost > 0)
    process.stdout.write(
      `  live-delivery: sends failed ${JSON.stringify(Object.fromEntries(failures))} ${firstFailure}; lost ${lost}\n`,
    );
  const open = streams.length;
  for (const s of streams) s.req.destroy();
  return summarize('live-delivery', latencies, seconds, errors, { streams: open });
}
