/**
 * The console chat: a terminal is one private chat between the local user {@code console:local}
 * and the bot. Lines typed are messages; the bot's messages are printed as they are sent or
 * edited, buttons as {@code [1] Confirm  [2] Cancel}.
 */
package dev.orderlistbot.app.console;
