/**
 * The conversation engine: {@link dev.orderlistbot.core.engine.BotEngine} turns chat events into
 * previews, one-shot confirmations, placements, key setup and account answers; {@link
 * dev.orderlistbot.core.engine.NotificationRouter} turns order-list events into outbox notices in
 * the same transaction as the state change; {@link dev.orderlistbot.core.engine.NotificationDispatcher}
 * drains the outbox to the {@link dev.orderlistbot.core.engine.ChatPlatforms}. Every sentence lives
 * in {@code Replies}. Depends on {@code java..}, slf4j and the other {@code core} packages (ports,
 * domain, chat model, command parser, pre-trade checks, key vault); never on an adapter.
 */
package dev.orderlistbot.core.engine;
