// Local web chat page. Plain script, no build step, no external resources.
// All text is put on the page with textContent, never innerHTML.
(function () {
  "use strict";

  var MAX_HISTORY = 200;
  var ID_RE = /^[A-Za-z0-9_-]{8,64}$/;
  var K_CHAT = "ansinh.chat", K_AFTER = "ansinh.after", K_HISTORY = "ansinh.history",
    K_START = "ansinh.start";

  var log = document.getElementById("log");
  var form = document.getElementById("form");
  var input = document.getElementById("text");
  var statusEl = document.getElementById("status");
  var restart = document.getElementById("restart");

  // Storage that falls back to memory when localStorage is unavailable
  // (private mode, disabled cookies).
  var memory = {};
  function load(key) {
    try { return window.localStorage.getItem(key); } catch (e) { return memory[key] || null; }
  }
  function save(key, value) {
    memory[key] = value;
    try { window.localStorage.setItem(key, value); } catch (e) { /* memory only */ }
  }

  function randomID() {
    var bytes = new Uint8Array(16);
    if (window.crypto && window.crypto.getRandomValues) {
      window.crypto.getRandomValues(bytes);
    } else {
      for (var i = 0; i < bytes.length; i++) bytes[i] = Math.floor(Math.random() * 256);
    }
    return Array.prototype.map.call(bytes, function (b) {
      return (b < 16 ? "0" : "") + b.toString(16);
    }).join("");
  }

  function sleep(ms) {
    return new Promise(function (resolve) { setTimeout(resolve, ms); });
  }

  var chat = load(K_CHAT);
  if (!ID_RE.test(chat || "")) {
    chat = randomID();
    save(K_CHAT, chat);
  }
  var after = Number(load(K_AFTER)) || 0;
  var history = [];
  try { history = JSON.parse(load(K_HISTORY) || "[]") || []; } catch (e) { history = []; }
  if (!Array.isArray(history)) history = [];

  function remember(item) {
    history.push(item);
    if (history.length > MAX_HISTORY) history = history.slice(-MAX_HISTORY);
    save(K_HISTORY, JSON.stringify(history));
  }

  function scrollDown() {
    log.scrollTop = log.scrollHeight;
  }

  // showStart scrolls so that row's first line is at the top of the log:
  // a long answer is read from its beginning, where an urgent reply puts
  // the emergency number. A row shorter than the view still ends up on
  // screen with everything above it.
  function showStart(row) {
    var offset = row.getBoundingClientRect().top - log.getBoundingClientRect().top;
    log.scrollTop = Math.max(0, log.scrollTop + offset - 8);
  }

  // render adds one message to the page: {me: bool, text, buttons}. The
  // citizen's own messages scroll the log down; the caller of a bot
  // message decides where to scroll (showStart).
  function render(item) {
    var row = document.createElement("div");
    row.className = "msg " + (item.me ? "me" : "bot");
    var bubble = document.createElement("div");
    bubble.className = "bubble";
    bubble.textContent = String(item.text || "");
    row.appendChild(bubble);
    var buttons = Array.isArray(item.buttons) ? item.buttons : [];
    if (!item.me && buttons.length > 0) {
      var bar = document.createElement("div");
      bar.className = "buttons";
      buttons.forEach(function (b) {
        var btn = document.createElement("button");
        btn.type = "button";
        btn.className = "choice";
        btn.textContent = String(b.label || "");
        btn.addEventListener("click", function () {
          say(String(b.label || ""), { data: String(b.data || "") });
        });
        bar.appendChild(btn);
      });
      row.appendChild(bar);
    }
    log.appendChild(row);
    if (item.me) scrollDown();
    return row;
  }

  function setNote(row, text) {
    if (!row) return;
    var note = row.querySelector(".sending");
    if (!text) {
      if (note) row.removeChild(note);
      return;
    }
    if (!note) {
      note = document.createElement("div");
      note.className = "sending";
      row.appendChild(note);
    }
    note.textContent = text;
    scrollDown();
  }

  // Outgoing messages go one at a time, in order. A failed POST is retried
  // with the same id, so the server handles it at most once.
  var queue = [];
  var sending = false;

  function enqueue(payload, row, onSent) {
    queue.push({ payload: payload, row: row, onSent: onSent });
    pump();
  }

  async function pump() {
    if (sending) return;
    sending = true;
    while (queue.length > 0) {
      await deliver(queue[0]);
      queue.shift();
    }
    sending = false;
  }

  async function errorText(res) {
    try {
      var body = await res.json();
      if (body && body.error) return String(body.error);
    } catch (e) { /* not JSON */ }
    return "lỗi " + res.status;
  }

  async function deliver(job) {
    var delay = 1000;
    for (;;) {
      var res = null;
      try {
        res = await fetch("api/send", {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify(job.payload),
        });
      } catch (e) { res = null; }
      if (res && res.status === 202) {
        setNote(job.row, "");
        if (job.onSent) job.onSent();
        return;
      }
      if (res && res.status >= 400 && res.status < 500 && res.status !== 408 && res.status !== 429) {
        setNote(job.row, "Không gửi được: " + (await errorText(res)));
        return;
      }
      var why = res ? (await errorText(res)) + " " : "";
      setNote(job.row, why + "Chưa gửi được, đang thử lại…");
      await sleep(delay);
      delay = Math.min(delay * 2, 30000);
    }
  }

  // say shows the user's message and sends it. extra is {data} for a button.
  function say(shown, extra) {
    var payload = { chat: chat, id: randomID() };
    if (extra && extra.data) payload.data = extra.data; else payload.text = shown;
    var item = { me: true, text: shown };
    remember(item);
    enqueue(payload, render(item));
  }

  // Long-poll for the bot's messages, backing off while the server is away.
  function setOnline(online) {
    statusEl.hidden = online;
  }

  async function poll() {
    var delay = 1000;
    for (;;) {
      try {
        var res = await fetch("api/messages?chat=" + encodeURIComponent(chat) +
          "&after=" + encodeURIComponent(String(after)), { cache: "no-store" });
        if (!res.ok) throw new Error("status " + res.status);
        var body = await res.json();
        setOnline(true);
        delay = 1000;
        var first = null;
        (body.messages || []).forEach(function (m) {
          if (typeof m.seq !== "number") return;
          var item = { me: false, text: m.text, buttons: m.buttons || [] };
          remember(item);
          var row = render(item);
          if (!first) first = row;
          after = m.seq;
        });
        // New answers are read from their start, not their end.
        if (first) showStart(first);
        save(K_AFTER, String(after));
      } catch (e) {
        setOnline(false);
        await sleep(delay);
        delay = Math.min(delay * 2, 10000);
      }
    }
  }

  form.addEventListener("submit", function (ev) {
    ev.preventDefault();
    var text = input.value.trim();
    if (!text) return;
    input.value = "";
    input.focus();
    say(text);
  });

  restart.addEventListener("click", function () {
    var item = { me: true, text: "Bắt đầu lại" };
    remember(item);
    enqueue({ chat: chat, id: randomID(), text: "/start" }, render(item));
  });

  var lastBot = null;
  history.forEach(function (item) {
    var row = render(item);
    if (!item.me) lastBot = row;
  });
  if (lastBot && history.length > 0 && !history[history.length - 1].me) showStart(lastBot); else scrollDown();

  // A first visit sends /start once. Its id is kept until the server
  // accepts it, so a reload before then cannot start the chat twice.
  if (history.length === 0) {
    var startID = load(K_START);
    if (startID !== "done") {
      if (!ID_RE.test(startID || "")) {
        startID = randomID();
        save(K_START, startID);
      }
      enqueue({ chat: chat, id: startID, text: "/start" }, null, function () {
        save(K_START, "done");
      });
    }
  }

  poll();
})();
