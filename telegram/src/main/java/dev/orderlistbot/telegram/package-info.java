/**
 * The Telegram adapter: implements core's {@code ChatPlatform} port with TelegramBots (long polling,
 * Bot API over OkHttp) and feeds core's {@code ChatEventHandler}. Updates come by long polling ({@code
 * LongPolling}) or, in webhook mode, through the JDK's HTTP server ({@code Webhook}, {@code
 * WebhookRequests}). Translator in ({@code
 * UpdateTranslator}), renderer out ({@code MessageRenderer}, {@code PhotoRequests} for pictures), sends
 * and edits of texts and photos ({@code MessageDelivery}), acknowledgement first ({@code
 * UpdateDispatcher}); Telegram failures are decided once ({@code DeliveryFailures}) and the bot token
 * is scrubbed from everything that leaves ({@code Redactor}).
 *
 * <p>Public: {@link dev.orderlistbot.telegram.TelegramChatPlatform}, {@link
 * dev.orderlistbot.telegram.TelegramConfig} and {@link dev.orderlistbot.telegram.TelegramWebhookConfig};
 * everything else is package-private. Depends on core's ports and the value types they carry,
 * TelegramBots, OkHttp, the JDK's HTTP server and SLF4J; never on another adapter.
 */
package dev.orderlistbot.telegram;
