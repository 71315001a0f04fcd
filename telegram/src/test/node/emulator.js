'use strict';
// Starts the telegram-test-api Bot API emulator on 127.0.0.1 for the telegram module's tests and
// bridges the places where it differs from the real Bot API, so the bot runs unchanged against it:
//   - sent messages: `date` in seconds (not ms), a `from` (the bot) and a group `chat` for negative ids;
//   - getMe: adds `is_bot`;  answerCallbackQuery, deleteMessage: answer `true`, not null;
//   - editMessageText: 400 for an unknown message and for "message is not modified", as Telegram does;
//   - setMyCommands, deleteMyCommands, sendChatAction: answered (the emulator gives HTTP 500);
//   - getChatMember: answered from POST /_test/admins {chat_id, user_ids} (others are plain members);
//   - sendPhoto, editMessageMedia (multipart/form-data uploads) and editMessageCaption: stored as bot
//     messages with `photo` and `caption`, answered with the Message, refused with Telegram's 400s
//     ("there is no text/caption/media in the message to edit") when the method does not fit the
//     message. Their recorded calls hold the form fields plus `photo_size` and `photo_head` (the
//     upload's size and first 8 bytes in hex) instead of the file.
//   - setWebhook (JSON or multipart, as TelegramBots sends it), deleteWebhook, getWebhookInfo: kept
//     here, not in telegram-test-api (whose webhook POSTs without the secret header, never retries
//     and does not keep the users' messages). While a webhook is set, getUpdates answers 409 as
//     Telegram does, and each user update is POSTed to the URL, one at a time and in order, with
//     `X-Telegram-Bot-Api-Secret-Token`; an answer other than 2xx is retried, as Telegram does.
// Test-only routes: GET /_test/calls/<method> lists the bodies of the bridged calls of that method;
// POST /_test/fail {method, status, body, times} makes the next calls of a bot method fail;
// GET /_test/deliveries lists the webhook deliveries {update_id, status} (status 0: no answer);
// POST /_test/redeliver {token, update_id} POSTs a delivered update again, as Telegram does after a
// lost answer, and answers {status} (the bot's HTTP status).
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
const webhooks = {}; // token -> {url, secret_token, allowed_updates}
const deliveries = []; // {update_id, status}
const delivered = {}; // token -> update_id -> the body POSTed
const queues = {}; // token -> updates waiting to be POSTed, oldest first

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

const NO_TEXT = 'Bad Request: there is no text in the message to edit';
const NO_CAPTION = 'Bad Request: there is no caption in the message to edit';
const NOT_FOUND = 'Bad Request: message to edit not found';
const NOT_MODIFIED = 'Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message';
let photos = 0;

const MAX_CAPTION = 1024;
const CAPTION_TOO_LONG = 'Bad Request: message caption is too long';

// Telegram counts a caption's characters after its HTML is parsed (entities are not text)
function captionLength(caption, parseMode) {
  const text = String(caption || '');
  if (String(parseMode || '').toUpperCase() !== 'HTML') return text.length;
  return text.replace(/<[^>]*>/g, '').replace(/&(lt|gt|amp|quot|#\d+|#x[0-9a-f]+);/gi, '_').length;
}

function refuse(description) {
  return [400, { ok: false, error_code: 400, description }];
}

function parseJson(value) {
  if (typeof value !== 'string') {
    return value;
  }
  try { return JSON.parse(value); } catch (e) { return value; }
}

// multipart/form-data as {fields, files}: each file {name, fileName, data (a Buffer)}
function parseMultipart(buffer, contentType) {
  const match = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType || '');
  const result = { fields: {}, files: {} };
  if (!match) {
    return result;
  }
  const delimiter = Buffer.from(`--${match[1] || match[2]}`);
  let start = buffer.indexOf(delimiter);
  while (start >= 0) {
    const partStart = start + delimiter.length;
    if (buffer.slice(partStart, partStart + 2).toString() === '--') {
      break;
    }
    const next = buffer.indexOf(delimiter, partStart);
    if (next < 0) {
      break;
    }
    const part = buffer.slice(partStart + 2, next - 2); // past CRLF, before CRLF--boundary
    const split = part.indexOf('\r\n\r\n');
    const headers = part.slice(0, split).toString('utf8');
    const data = part.slice(split + 4);
    const disposition = /content-disposition:[^\r\n]*/i.exec(headers);
    const name = disposition && /\bname="([^"]*)"/i.exec(disposition[0]);
    const fileName = disposition && /filename="([^"]*)"/i.exec(disposition[0]);
    if (name && fileName) {
      result.files[name[1]] = { name: name[1], fileName: fileName[1], data };
    } else if (name) {
      result.fields[name[1]] = data.toString('utf8');
    }
    start = next;
  }
  return result;
}

function photoOf(file) {
  photos += 1;
  const id = `photo-${photos}`;
  return [
    { file_id: `${id}-s`, file_unique_id: `${id}-s`, width: 90, height: 60, file_size: Math.min(file.data.length, 1000) },
    { file_id: id, file_unique_id: id, width: 900, height: 600, file_size: file.data.length },
  ];
}

function uploadRecord(fields, file) {
  const record = Object.assign({}, fields);
  ['reply_markup', 'reply_parameters', 'media', 'allowed_updates'].forEach((key) => {
    if (key in record) record[key] = parseJson(record[key]);
  });
  if (file) {
    record.file_name = file.fileName;
    record.photo_size = file.data.length;
    record.photo_head = file.data.slice(0, 8).toString('hex');
  }
  return record;
}

function asMessage(stored) {
  const m = stored.message;
  const chatId = Number(m.chat_id);
  return {
    message_id: stored.messageId,
    from: BOT,
    chat: chatId < 0 ? { id: chatId, type: 'group', title: 'Test group' } : { id: chatId, type: 'private', first_name: 'Trader' },
    date: Math.floor(stored.time / 1000),
    photo: m.photo,
    caption: m.caption,
    text: m.text,
    reply_markup: m.reply_markup && m.reply_markup.inline_keyboard && m.reply_markup.inline_keyboard.length
      ? m.reply_markup : undefined,
  };
}

// the uploaded file a field names: `attach://<part name>` (as TelegramBots sends it) or the part itself
function attachment(upload, name) {
  const value = upload.fields[name];
  if (typeof value === 'string' && value.startsWith('attach://')) {
    return upload.files[value.substring('attach://'.length)];
  }
  return upload.files[name];
}

function sendPhoto(upload, token) {
  const file = attachment(upload, 'photo');
  if (!file) {
    return refuse('Bad Request: there is no photo in the request');
  }
  const fields = upload.fields;
  if (captionLength(fields.caption, fields.parse_mode) > MAX_CAPTION) {
    return refuse(CAPTION_TOO_LONG);
  }
  const raw = { chat_id: fields.chat_id, photo: photoOf(file) };
  ['caption', 'parse_mode'].forEach((key) => {
    if (key in fields) raw[key] = fields[key];
  });
  ['reply_markup', 'reply_parameters'].forEach((key) => {
    if (key in fields) raw[key] = parseJson(fields[key]);
  });
  const sent = emulator.addBotMessage(raw, token);
  const stored = emulator.storage.botMessages.find((u) => u.messageId === sent.message_id);
  const answer = asMessage(stored);
  if (raw.reply_parameters) {
    answer.reply_to_message = asMessage(findBotMessage({ chat_id: raw.chat_id, message_id: raw.reply_parameters.message_id }) || stored);
  }
  return [200, { ok: true, result: answer }];
}

function editMessageCaption(body) {
  const stored = findBotMessage(body);
  if (!stored) {
    return refuse(NOT_FOUND);
  }
  if (!stored.message.photo) {
    return refuse(NO_CAPTION);
  }
  if (captionLength(body.caption, body.parse_mode) > MAX_CAPTION) {
    return refuse(CAPTION_TOO_LONG);
  }
  const markup = (m) => JSON.stringify((m && m.inline_keyboard) || []);
  const caption = body.caption || '';
  if ((stored.message.caption || '') === caption && markup(stored.message.reply_markup) === markup(body.reply_markup)) {
    return refuse(NOT_MODIFIED);
  }
  stored.message = Object.assign({}, stored.message, {
    caption, parse_mode: body.parse_mode, reply_markup: body.reply_markup || { inline_keyboard: [] },
  });
  return [200, { ok: true, result: asMessage(stored) }];
}

function editMessageMedia(upload) {
  const fields = upload.fields;
  const stored = findBotMessage(fields);
  if (!stored) {
    return refuse(NOT_FOUND);
  }
  // like Telegram, editMessageMedia also adds media to a text message: it becomes a photo
  const media = parseJson(fields.media) || {};
  if (captionLength(media.caption, media.parse_mode) > MAX_CAPTION) {
    return refuse(CAPTION_TOO_LONG);
  }
  const attached = attachment({ fields: { media: media.media }, files: upload.files }, 'media');
  if (!attached) {
    return refuse('Bad Request: wrong file identifier/HTTP URL specified');
  }
  const { text, entities, ...kept } = stored.message; // eslint-disable-line no-unused-vars
  stored.message = Object.assign({}, kept, {
    photo: photoOf(attached),
    caption: media.caption,
    parse_mode: media.parse_mode,
    reply_markup: parseJson(fields.reply_markup) || { inline_keyboard: [] },
  });
  return [200, { ok: true, result: asMessage(stored) }];
}

function findBotMessage(body) {
  return emulator.storage.botMessages.find((u) => String(u.messageId) === String(body.message_id)
    && String(u.message.chat_id) === String(body.chat_id));
}

function editMessageText(body) {
  const stored = findBotMessage(body);
  if (!stored) {
    return refuse(NOT_FOUND);
  }
  if (stored.message.photo) {
    return refuse(NO_TEXT);
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

function setWebhook(body, token) {
  if (!body.url) {
    return refuse('Bad Request: bad webhook: An HTTP URL must be provided for webhook');
  }
  webhooks[token] = {
    url: body.url,
    secret_token: body.secret_token,
    allowed_updates: parseJson(body.allowed_updates),
  };
  return [200, { ok: true, result: true, description: 'Webhook was set' }];
}

function deleteWebhook(body, token) {
  delete webhooks[token];
  return [200, { ok: true, result: true, description: 'Webhook was deleted' }];
}

function getWebhookInfo(body, token) {
  const hook = webhooks[token];
  const pending = (queues[token] || []).length;
  return [200, { ok: true, result: hook
    ? { url: hook.url, has_custom_certificate: false, pending_update_count: pending, allowed_updates: hook.allowed_updates }
    : { url: '', has_custom_certificate: false, pending_update_count: 0 } }];
}

// POSTs one update to the webhook; then(status), 0 when the bot did not answer
function post(hook, update, then) {
  const body = Buffer.from(JSON.stringify(update));
  const headers = { 'Content-Type': 'application/json', 'Content-Length': body.length };
  if (hook.secret_token) {
    headers['X-Telegram-Bot-Api-Secret-Token'] = hook.secret_token;
  }
  let done = false;
  const finish = (status) => { if (!done) { done = true; then(status); } };
  const req = http.request(hook.url, { method: 'POST', headers, timeout: 5000 }, (res) => {
    res.resume();
    res.on('end', () => finish(res.statusCode));
  });
  req.on('timeout', () => req.destroy());
  req.on('error', () => finish(0));
  req.end(body);
}

// the update as Telegram would send it: telegram-test-api keeps the bot's token in a user's message
function asWebhookUpdate(update) {
  const copy = JSON.parse(JSON.stringify(update));
  if (copy.message) {
    delete copy.message.botToken;
  }
  return copy;
}

const busy = {};
function pump() {
  Object.keys(webhooks).forEach((token) => {
    const queue = (queues[token] = queues[token] || []);
    emulator.getUpdates(token).forEach((update) => queue.push(asWebhookUpdate(update)));
    if (busy[token] || queue.length === 0) {
      return;
    }
    busy[token] = true;
    const update = queue[0];
    post(webhooks[token], update, (status) => {
      deliveries.push({ update_id: update.update_id, status });
      if (status >= 200 && status < 300) {
        (delivered[token] = delivered[token] || {})[update.update_id] = update;
        queue.shift();
        busy[token] = false;
      } else {
        setTimeout(() => { busy[token] = false; }, 200); // Telegram retries, later
      }
    });
  });
}
setInterval(pump, 20).unref();

const bridged = {
  getme: () => [200, { ok: true, result: BOT }],
  answercallbackquery: () => [200, { ok: true, result: true }],
  setmycommands: () => [200, { ok: true, result: true }],
  deletemycommands: () => [200, { ok: true, result: true }],
  sendchataction: () => [200, { ok: true, result: true }],
  editmessagetext: editMessageText,
  deletemessage: deleteMessage,
  getchatmember: getChatMember,
  editmessagecaption: editMessageCaption,
  setwebhook: setWebhook,
  deletewebhook: deleteWebhook,
  getwebhookinfo: getWebhookInfo,
};

// bridged methods whose request is multipart/form-data (an upload): (upload, token) => answer
const uploads = {
  sendphoto: sendPhoto,
  editmessagemedia: editMessageMedia,
  setwebhook: (upload, token) => setWebhook(upload.fields, token),
};

function readBuffer(req, then) {
  const chunks = [];
  req.on('data', (chunk) => { chunks.push(chunk); });
  req.on('end', () => then(Buffer.concat(chunks)));
}

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
  } else if (req.method === 'GET' && path === '/_test/deliveries') {
    reply(res, [200, { ok: true, result: deliveries }]);
  } else if (req.method === 'POST' && path === '/_test/redeliver') {
    readJson(req, (body) => {
      const update = (delivered[body.token] || {})[body.update_id];
      if (!update || !webhooks[body.token]) {
        reply(res, [404, { ok: false, description: 'no such delivered update, or no webhook' }]);
        return;
      }
      post(webhooks[body.token], update, (status) => {
        deliveries.push({ update_id: update.update_id, status });
        reply(res, [200, { ok: true, result: { status } }]);
      });
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
  const bot = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec(path);
  const token = bot && decodeURIComponent(bot[1]);
  const method = bot && bot[2].toLowerCase();
  const failure = method && failures[method];
  if (failure && failure.times > 0) {
    failure.times -= 1;
    readBuffer(req, () => reply(res, [failure.status, failure.body])); // the upload is read first
    return;
  }
  if (method === 'getupdates' && webhooks[token]) {
    readBuffer(req, () => reply(res, [409, { ok: false, error_code: 409, description: "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first" }]));
    return;
  }
  if (method && uploads[method] && /multipart\/form-data/i.test(req.headers['content-type'] || '')) {
    readBuffer(req, (buffer) => {
      const upload = parseMultipart(buffer, req.headers['content-type']);
      const file = Object.values(upload.files)[0];
      (calls[method] = calls[method] || []).push(uploadRecord(upload.fields, file));
      reply(res, uploads[method](upload, token));
    });
    return;
  }
  if (method && bridged[method]) {
    readJson(req, (body) => {
      (calls[method] = calls[method] || []).push(body);
      reply(res, bridged[method](body, token));
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
