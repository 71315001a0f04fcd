'use strict';
// Starts the telegram-test-api Bot API emulator on 127.0.0.1 for the telegram module's tests and
// bridges the places where it differs from the real Bot API, so the bot runs unchanged against it:
//   - sent messages: `date` in seconds (not ms), a `from` (the bot) and a group `chat` for negative ids;
//   - getMe: adds `is_bot`;  answerCallbackQuery, deleteMessage: answer `true`, not null;
//   - editMessageText: 400 for an unknown message and for "message is not modified", as Telegram does;
//   - setMyCommands, deleteMyCommands, sendChatAction: answered (the emulator gives HTTP 500);
//   - getChatMember: answered from POST /_test/admins {chat_id, user_ids} (others are plain members).
// Test-only routes: GET /_test/calls/<method> lists the bodies of the bridged calls of that method;
// POST /_test/fail {method, status, body, times} makes the next calls of a bot method fail.
// Prints one line `{"port":N}` once listening; exits when its standard input closes.
const http = require('http');
const TelegramServer = require('telegram-test-api');

const BOT = {
  id: Number(process.env.BOT_ID || 666),
  is_bot: true,
  first_name: 'Order List Test Bot',
  username: process.env.BOT_USERNAME || 'OrderListTestBot',
};
const emulator = new TelegramServer({ host: '127.0.0.1', storeTimeout: 3600 });
const calls = {};
const failures = {};
const admins = {};

const addBotMessage = emulator.addBotMessage.bind(emulator);
emulator.addBotMessage = (raw, token) => {
  const msg = addBotMessage(raw, token);
  const chatId = Number(msg.chat.id);
  msg.date = Math.floor(msg.date / 1000);
  msg.from = BOT;
  msg.chat = chatId < 0
    ? { id: chatId, type: 'group', title: 'Test group' }
    : { id: chatId, type: 'private', first_name: 'Trader' };
  return msg;
};

function findBotMessage(body) {
  return emulator.storage.botMessages.find((u) => String(u.messageId) === String(body.message_id)
    && String(u.message.chat_id) === String(body.chat_id));
}

function editMessageText(body) {
  const stored = findBotMessage(body);
  if (!stored) {
    return [400, { ok: false, error_code: 400, description: 'Bad Request: message to edit not found' }];
  }
  const markup = (m) => JSON.stringify((m && m.inline_keyboard) || []);
  if (stored.message.text === body.text && markup(stored.message.reply_markup) === markup(body.reply_markup)) {
    return [400, { ok: false, error_code: 400, description: 'Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message' }];
  }
  emulator.editMessageText(body);
  return [200, { ok: true, result: true }];
}

function deleteMessage(body) {
  if (emulator.deleteMessage(Number(body.chat_id), Number(body.message_id))) {
    return [200, { ok: true, result: true }];
  }
  return [400, { ok: false, error_code: 400, description: 'Bad Request: message to delete not found' }];
}

function getChatMember(body) {
  const userId = Number(body.user_id);
  const admin = (admins[String(body.chat_id)] || []).includes(userId);
  return [200, { ok: true, result: { status: admin ? 'administrator' : 'member', user: { id: userId, is_bot: false, first_name: 'Trader' } } }];
}

const bridged = {
  getme: () => [200, { ok: true, result: BOT }],
  answercallbackquery: () => [200, { ok: true, result: true }],
  setmycommands: () => [200, { ok: true, result: true }],
  deletemycommands: () => [200, { ok: true, result: true }],
  sendchataction: () => [200, { ok: true, result: true }],
  editmessagetext: editMessageText,
  deletemessage: deleteMessage,
  getchatmember: getChatMember,
};

function readJson(req, then) {
  let text = '';
  req.setEncoding('utf8');
  req.on('data', (chunk) => { text += chunk; });
  req.on('end', () => {
    let body = {};
    try { body = text ? JSON.parse(text) : {}; } catch (e) { body = {}; }
    then(body);
  });
}

function reply(res, [status, body]) {
  res.writeHead(status, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify(body));
}

function testRoute(req, res, path) {
  if (req.method === 'GET' && path.startsWith('/_test/calls/')) {
    reply(res, [200, { ok: true, result: calls[path.substring('/_test/calls/'.length).toLowerCase()] || [] }]);
  } else if (req.method === 'POST' && path === '/_test/admins') {
    readJson(req, (body) => {
      admins[String(body.chat_id)] = (body.user_ids || []).map(Number);
      reply(res, [200, { ok: true, result: true }]);
    });
  } else if (req.method === 'POST' && path === '/_test/fail') {
    readJson(req, (body) => {
      failures[String(body.method).toLowerCase()] = { status: body.status, body: body.body, times: body.times || 1 };
      reply(res, [200, { ok: true, result: true }]);
    });
  } else {
    reply(res, [404, { ok: false, description: 'no such test route' }]);
  }
}

const server = http.createServer((req, res) => {
  const path = req.url.split('?')[0];
  if (path.startsWith('/_test/')) {
    testRoute(req, res, path);
    return;
  }
  const bot = /^\/bot[^/]+\/([A-Za-z]+)$/.exec(path);
  const method = bot && bot[1].toLowerCase();
  const failure = method && failures[method];
  if (failure && failure.times > 0) {
    failure.times -= 1;
    reply(res, [failure.status, failure.body]);
    return;
  }
  if (method && bridged[method]) {
    readJson(req, (body) => {
      (calls[method] = calls[method] || []).push(body);
      reply(res, bridged[method](body));
    });
    return;
  }
  emulator.webServer(req, res);
});

server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`${JSON.stringify({ port: server.address().port })}\n`);
});
process.stdin.on('end', () => process.exit(0));
process.stdin.on('close', () => process.exit(0));
process.stdin.resume();
