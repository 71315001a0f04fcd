/**
 * The Telegram adapter: implements core's {@code ChatPlatform} port with TelegramBots (long polling,
 * Bot API over OkHttp) and feeds core's {@code ChatEventHandler}. Translator in ({@code
 * UpdateTranslator}), renderer out ({@code MessageRenderer}, {@code PhotoRequests} for pictures), sends
 * and edits of texts and photos ({@code MessageDelivery}), acknowledgement first ({@code
 * UpdateDispatcher}); Telegram failures are decided once ({@code DeliveryFailures}) and the bot token
 * is scrubbed from everything that leaves ({@code Redactor}).
 *
 * <p>Public: {@link dev.orderlistbot.telegram.TelegramChatPlatform} and {@link
 * dev.orderlistbot.telegram.TelegramConfig}; everything else is package-private. Depends on core's
 * ports and the value types they carry, TelegramBots, OkHttp and SLF4J; never on another adapter.
 */
package dev.orderlistbot.telegram;
