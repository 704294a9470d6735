// A small W3C WebDriver client over one keep-alive HTTP connection (no dependencies).
import http from 'node:http';

const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';

export const Key = {
  Enter: '\uE007',
  Tab: '\uE004',
  Backspace: '\uE003',
  Escape: '\uE00C',
  Control: '\uE009',
  Shift: '\uE008',
  Space: ' ',
  ArrowDown: '\uE015',
  ArrowUp: '\uE013',
  ArrowLeft: '\uE012',
  ArrowRight: '\uE014',
  F10: '\uE03A',
};

export class WebDriverError extends Error {
  constructor(method, path, status, value) {
    super(`${method} ${path} -> ${status} ${value?.error ?? ''}: ${value?.message ?? JSON.stringify(value)}`);
    this.status = status;
    this.error = value?.error;
  }
}

export class Client {
  constructor(port, host = '127.0.0.1') {
    this.port = port;
    this.host = host;
    // One socket, kept alive: closing per request makes tauri-driver fail now and then.
    this.agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    this.sessionId = null;
  }

  request(method, path, body, timeoutMs = 120_000) {
    const data = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    return new Promise((resolve, reject) => {
      const req = http.request(
        {
          host: this.host,
          port: this.port,
          method,
          path,
          agent: this.agent,
          headers: {
            'Content-Type': 'application/json; charset=utf-8',
            ...(data ? { 'Content-Length': data.length } : {}),
          },
          timeout: timeoutMs,
        },
        (res) => {
          const chunks = [];
          res.on('data', (c) => chunks.push(c));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            let json;
            try {
              json = text ? JSON.parse(text) : {};
            } catch {
              return reject(new Error(`${method} ${path}: bad JSON (${res.statusCode}): ${text.slice(0, 200)}`));
            }
            if (res.statusCode >= 400) return reject(new WebDriverError(method, path, res.statusCode, json.value));
            resolve(json.value);
          });
          res.on('error', reject);
        },
      );
      req.on('timeout', () => req.destroy(new Error(`${method} ${path}: timed out`)));
      req.on('error', reject);
      if (data) req.write(data);
      req.end();
    });
  }

  s(path) {
    if (!this.sessionId) throw new Error('no session');
    return `/session/${this.sessionId}${path}`;
  }

  async status() {
    return this.request('GET', '/status', undefined, 2000);
  }

  async newSession(application, args = []) {
    const value = await this.request('POST', '/session', {
      capabilities: { alwaysMatch: { 'tauri:options': { application, args } } },
    });
    this.sessionId = value.sessionId;
    return value;
  }

  async deleteSession() {
    if (!this.sessionId) return;
    const id = this.sessionId;
    this.sessionId = null;
    await this.request('DELETE', `/session/${id}`, undefined, 30_000);
  }

  close() {
    this.agent.destroy();
  }

  async setTimeouts(t) {
    return this.request('POST', this.s('/timeouts'), t);
  }

  /** Run a function body in the page. Element references in args/results are converted. */
  async execute(fn, ...args) {
    const script = typeof fn === 'function' ? `return (${fn}).apply(null, arguments);` : fn;
    const value = await this.request('POST', this.s('/execute/sync'), { script, args: args.map(toWire) });
    return fromWire(this, value);
  }

  async executeAsync(fn, ...args) {
    const script = `const done = arguments[arguments.length - 1]; Promise.resolve((${fn}).apply(null, Array.prototype.slice.call(arguments, 0, -1))).then(done, (e) => done({ __error: String(e && e.stack || e) }));`;
    const value = await this.request('POST', this.s('/execute/async'), { script, args: args.map(toWire) });
    if (value && value.__error) throw new Error(value.__error);
    return fromWire(this, value);
  }

  async find(css) {
    const v = await this.request('POST', this.s('/element'), { using: 'css selector', value: css });
    return new Element(this, v[ELEMENT]);
  }

  async findAll(css) {
    const v = await this.request('POST', this.s('/elements'), { using: 'css selector', value: css });
    return v.map((e) => new Element(this, e[ELEMENT]));
  }

  async activeElement() {
    const v = await this.request('GET', this.s('/element/active'));
    return new Element(this, v[ELEMENT]);
  }

  /** Keyboard input to whatever has focus (no clicking, no focusing). */
  async keys(text) {
    const actions = [];
    for (const ch of [...text]) actions.push({ type: 'keyDown', value: ch }, { type: 'keyUp', value: ch });
    await this.request('POST', this.s('/actions'), { actions: [{ type: 'key', id: 'kbd', actions }] });
    await this.request('DELETE', this.s('/actions'));
  }

  /** A chord, e.g. chord(Key.Control, 'l'). */
  async chord(...keys) {
    const actions = [
      ...keys.map((k) => ({ type: 'keyDown', value: k })),
      ...keys.reverse().map((k) => ({ type: 'keyUp', value: k })),
    ];
    await this.request('POST', this.s('/actions'), { actions: [{ type: 'key', id: 'kbd', actions }] });
    await this.request('DELETE', this.s('/actions'));
  }

  /** Pointer and key action sequences (W3C "perform actions"), then release everything. */
  async actions(sources) {
    try {
      await this.request('POST', this.s('/actions'), { actions: sources });
    } finally {
      await this.request('DELETE', this.s('/actions'));
    }
  }

  /** Every top-level browsing context (window) of the session. */
  async windowHandles() {
    return this.request('GET', this.s('/window/handles'));
  }

  async screenshot() {
    return Buffer.from(await this.request('GET', this.s('/screenshot')), 'base64');
  }

  async title() {
    return this.request('GET', this.s('/title'));
  }

  async windowRect() {
    return this.request('GET', this.s('/window/rect'));
  }

  async setWindowRect(rect) {
    return this.request('POST', this.s('/window/rect'), rect);
  }
}

export class Element {
  constructor(client, id) {
    this.client = client;
    this.id = id;
  }
  p(path) {
    return this.client.s(`/element/${this.id}${path}`);
  }
  /** WebKitWebDriver scrolls only the document into view, not nested scroll boxes (Keel's
   *  main pane scrolls), so bring the element to the middle of its scroll box first. */
  async reveal() {
    await this.client.execute(
      'const e = arguments[0]; if (e && e.scrollIntoView) e.scrollIntoView({ block: "center", inline: "nearest" }); return true;',
      this,
    );
  }
  async click() {
    await this.reveal();
    try {
      return await this.client.request('POST', this.p('/click'), {});
    } catch (e) {
      if (e.error !== 'element click intercepted') throw e;
      const what = await this.client.execute(
        'const e = arguments[0]; const b = e.getBoundingClientRect(); const at = document.elementFromPoint(b.x + b.width / 2, b.y + b.height / 2); return [e.outerHTML.slice(0, 160), JSON.stringify(b), at ? at.outerHTML.slice(0, 160) : null, innerWidth, innerHeight];',
        this,
      );
      throw new Error(`click intercepted on ${what[0]} at ${what[1]} (viewport ${what[3]}x${what[4]}); on top: ${what[2]}`);
    }
  }
  async clear() {
    await this.reveal();
    return this.client.request('POST', this.p('/clear'), {});
  }
  async sendKeys(text) {
    await this.reveal();
    return this.client.request('POST', this.p('/value'), { text });
  }
  text() {
    return this.client.request('GET', this.p('/text'));
  }
  property(name) {
    return this.client.request('GET', this.p(`/property/${name}`));
  }
  attribute(name) {
    return this.client.request('GET', this.p(`/attribute/${name}`));
  }
  displayed() {
    return this.client.request('GET', this.p('/displayed'));
  }
  async value() {
    return this.property('value');
  }
}

function toWire(a) {
  if (a instanceof Element) return { [ELEMENT]: a.id };
  if (Array.isArray(a)) return a.map(toWire);
  return a;
}

function fromWire(client, v) {
  if (v && typeof v === 'object') {
    if (typeof v[ELEMENT] === 'string') return new Element(client, v[ELEMENT]);
    if (Array.isArray(v)) return v.map((x) => fromWire(client, x));
    const out = {};
    for (const [k, x] of Object.entries(v)) out[k] = fromWire(client, x);
    return out;
  }
  return v;
}
