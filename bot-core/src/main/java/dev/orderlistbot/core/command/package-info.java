/**
 * The chat command language: text in, {@link dev.orderlistbot.core.command.ParseResult} out.
 * {@link dev.orderlistbot.core.command.CommandParser} is the only entry; it never throws on user
 * input. {@link dev.orderlistbot.core.command.CommandSpec} is the command table ({@code /help} and
 * the parser's examples come from it). Commands here are what the trader typed (relative prices,
 * quote amounts, shares of the balance), not yet resolved against market data: {@code core.rules}
 * does that. The parsing machinery is package-private: the tokenizer, the readers of numbers,
 * prices, quantities and exits, one grammar per command family, and {@code ParseMessages}, which
 * holds every sentence the parser says. Depends on {@code java..} and {@code core.domain} only.
 */
package dev.orderlistbot.core.command;
