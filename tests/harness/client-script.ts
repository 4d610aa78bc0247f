/**
 * The browser side of the harness: defines `window.api` with the same shape as the
 * preload's (invoke + on), carried over a WebSocket instead of Electron IPC.
 * Served as a same-origin script so the renderer's CSP (script-src 'self') holds. It holds
 * no secret: the WebSocket is authorized by the page's SameSite cookie and its Origin.
 */
export function harnessClientScript(): string {
  return `(() => {
  const url = (location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/__harness/ws';
  const socket = new WebSocket(url);
  const pending = new Map();
  const listeners = new Map();
  const outbox = [];
  let nextId = 1;
  socket.addEventListener('open', () => { while (outbox.length) socket.send(outbox.shift()); });
  socket.addEventListener('message', (message) => {
    const data = JSON.parse(message.data);
    if (data.type === 'result') {
      const resolve = pending.get(data.id);
      pending.delete(data.id);
      if (resolve) resolve(data.result);
    } else if (data.type === 'event') {
      for (const listener of listeners.get(data.event) || []) listener(data.payload);
    }
  });
  socket.addEventListener('close', () => {
    for (const resolve of pending.values()) resolve({ ok: false, error: { code: 'io', message: 'The harness connection closed.' } });
    pending.clear();
  });
  const send = (text) => (socket.readyState === 1 ? socket.send(text) : outbox.push(text));
  window.api = Object.freeze({
    invoke(channel, request) {
      const id = nextId++;
      return new Promise((resolve) => {
        pending.set(id, resolve);
        send(JSON.stringify({ type: 'invoke', id, channel, payload: request }));
      });
    },
    on(event, listener) {
      if (!listeners.has(event)) listeners.set(event, new Set());
      listeners.get(event).add(listener);
      return () => listeners.get(event).delete(listener);
    },
  });
})();
`;
}
