import { EventEmitter } from 'node:events';
import type { ServerResponse } from 'node:http';
import { describe, expect, it } from 'vitest';
import { SseStream } from './stream.ts';

/** Just enough of a ServerResponse to record what a stream writes. */
function fakeResponse() {
  const res = Object.assign(new EventEmitter(), {
    chunks: [] as string[],
    writableEnded: false,
    writableLength: 0,
    destroyed: false,
    destroy: () => {
      res.destroyed = true;
    },
    writeHead: () => res,
    write: (chunk: string) => res.chunks.push(chunk) > 0,
    end: () => {
      res.writableEnded = true;
    },
  });
  return res;
}

const event = (id: number) => ({ id, type: 'message', data: { n: id } });
const idsIn = (chunks: string[]) =>
  chunks.flatMap((c) => [...c.matchAll(/^id: (\d+)$/gm)].map((m) => Number(m[1])));

describe('SseStream', () => {
  it('holds live events during the replay and sends each once: replayed ones are not repeated', () => {
    const res = fakeResponse();
    let closed = 0;
    const stream = new SseStream('u1', 's1', res as unknown as ServerResponse, () => closed++);
    stream.open({});
    // Live events arrive while the replay query runs: 11 (also in the replay) and 13 (after it).
    stream.deliver(event(11));
    stream.deliver(event(13));
    stream.replay([event(10), event(11), event(12)]);
    stream.goLive();
    stream.deliver(event(14));
    expect(idsIn(res.chunks)).toEqual([10, 11, 12, 13, 14]);
    expect(res.chunks[0]).toBe('retry: 3000\n\n');
    expect(res.chunks[1]).toBe('id: 10\nevent: message\ndata: {"n":10}\n\n');

    stream.close('shutdown');
    expect(res.writableEnded).toBe(true);
    expect(res.chunks.at(-1)).toMatch(/^retry: \d+\n\n$/);
    stream.deliver(event(15));
    stream.close('shutdown');
    expect(idsIn(res.chunks)).toEqual([10, 11, 12, 13, 14]);
    expect(closed).toBe(1);
  });

  it('a client that went away unregisters the stream once', () => {
    const res = fakeResponse();
    let closed = 0;
    const stream = new SseStream('u1', 's1', res as unknown as ServerResponse, () => closed++);
    stream.open({});
    stream.goLive();
    res.emit('close');
    res.emit('close');
    expect(stream.isClosed).toBe(true);
    expect(closed).toBe(1);
  });

  it('drops a client that leaves too much unread', () => {
    const res = fakeResponse();
    const stream = new SseStream('u1', 's1', res as unknown as ServerResponse, () => {});
    stream.open({});
    stream.goLive();
    res.writableLength = 2 << 20;
    stream.deliver(event(1));
    expect(stream.isClosed).toBe(true);
    // Cut off at once: its buffer is not flushed to a client that does not read.
    expect(res.destroyed).toBe(true);
  });
});
