/**
 * The chat command language: text in, {@link dev.orderlistbot.core.command.ParseResult} out.
 * {@link dev.orderlistbot.core.command.CommandParser} is the only entry; it never throws on user
 * input. Commands here are what the trader typed (relative prices, quote amounts, shares of the
 * balance), not yet resolved against market data: {@code core.rules} does that. Depends on {@code
 * java..} and {@code core.domain} only.
 */
package dev.orderlistbot.core.command;
