/**
 * The platform-neutral conversation model: what a chat adapter (Telegram, Discord, console)
 * translates its updates into, and what core asks it to show. Depends on {@code java..} and {@code
 * core.domain} only.
 */
package dev.orderlistbot.core.chat;
