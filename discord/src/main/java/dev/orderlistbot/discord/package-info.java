/**
 * The Discord chat adapter (JDA): slash commands, buttons and a modal in, replies, edits and button
 * rows out. It translates each interaction into the same text line a trader would type in chat and
 * hands it to core's {@code ChatEventHandler}; it implements core's {@code ChatPlatform}.
 *
 * <p>One public entry ({@link dev.orderlistbot.discord.DiscordChatPlatform}) and its config record
 * ({@link dev.orderlistbot.discord.DiscordConfig}); everything else is package-private. Depends on
 * JDA, SLF4J and bot-core's ports and value types ({@code core.port}, {@code core.chat}, {@code
 * core.domain}) plus the command table {@code core.command.CommandSpec}; never on another adapter.
 */
package dev.orderlistbot.discord;
