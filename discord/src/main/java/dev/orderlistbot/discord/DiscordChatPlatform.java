package dev.orderlistbot.discord;

import dev.orderlistbot.core.chat.MessageRef;
import dev.orderlistbot.core.chat.OutboundMessage;
import dev.orderlistbot.core.domain.ChatRef;
import dev.orderlistbot.core.port.in.ChatEventHandler;
import dev.orderlistbot.core.port.out.ChatPlatform;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import net.dv8tion.jda.api.JDA;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Discord as a {@link ChatPlatform} (platform id {@code discord}), with JDA: slash commands, buttons
 * and a modal in, replies, edits and button rows out. No privileged gateway intent.
 *
 * <p><b>In.</b> Every slash command becomes the chat line a trader would type ({@code /oco
 * symbol:BTCUSDT side:sell quantity:0.01 tp:32000 sl:29000/28900} is {@code /oco BTCUSDT sell 0.01
 * tp 32000 sl 29000/28900}) and reaches core as a {@code TextMessage}; a button press as a {@code
 * ButtonPressed} with its token; {@code /setkey} opens a modal whose submission is the {@code
 * /setkey} line. A DM with the bot is a private chat (named by the user's id, so it can be reopened
 * for a notice after a restart), a guild channel a group (named by the channel's id). Each interaction is
 * acknowledged before core sees it, and core runs on the executor given here, never on JDA's thread.
 *
 * <p><b>Out.</b> While core handles an interaction, what it sends to that chat answers the
 * interaction: the first message fills the deferred reply, the next are follow-ups, all ephemeral in
 * guilds (only the requesting user sees balances, keys, previews). Later messages (fills, alerts) go
 * to the channel. Edits of a message sent through an interaction go through its hook. A message
 * with a picture carries the PNG as an attachment shown by an embed, under the text; an edit with a
 * picture replaces the attachment, one without keeps it (replies and follow-ups through a hook alike).
 *
 * <p><b>Secrets.</b> The bot token goes to JDA only; it is never logged and never in an exception's
 * message. A key typed into the modal is never posted in a channel nor attached as a file.
 *
 * <p>Thread-safe; send, edit and delete block until Discord answered and throw {@code
 * ChatDeliveryException} (retryable or permanent) when it did not take the message.
 */
public final class DiscordChatPlatform implements ChatPlatform, AutoCloseable {
  public static final String PLATFORM = InteractionTranslator.PLATFORM;

  private static final Logger log = LoggerFactory.getLogger(DiscordChatPlatform.class);
  private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(10);

  private final DiscordConfig config;
  private final Supplier<List<String>> symbols;
  private final Executor executor;
  private final JdaConnector connector;
  private final Interactions interactions = new Interactions();
  private final Delivery delivery;
  private volatile JDA jda;

  /**
   * @param symbols the exchange's symbols for autocompleting the symbol option (called on the
   *     executor; should answer from a cache)
   * @param executor where core handles each interaction: a virtual thread per task
   */
  public DiscordChatPlatform(DiscordConfig config, Supplier<List<String>> symbols, Executor executor) {
    this(config, symbols, executor, JdaConnector.live());
  }

  DiscordChatPlatform(
      DiscordConfig config, Supplier<List<String>> symbols, Executor executor, JdaConnector connector) {
    this.config = Objects.requireNonNull(config, "config");
    this.symbols = Objects.requireNonNull(symbols, "symbols");
    this.executor = Objects.requireNonNull(executor, "executor");
    this.connector = Objects.requireNonNull(connector, "connector");
    this.delivery = new Delivery(interactions, () -> jda);
  }

  /**
   * Logs in and starts handing interactions to {@code handler}; the slash commands are registered
   * globally once connected. Returns without waiting for the gateway.
   *
   * @throws IllegalStateException when already started, or when JDA refused to start (the message
   *     never holds the token)
   */
  public synchronized void start(ChatEventHandler handler) {
    Objects.requireNonNull(handler, "handler");
    if (jda != null) {
      throw new IllegalStateException("the Discord bot is already started");
    }
    JdaListener listener = new JdaListener(handler, interactions, symbols, executor);
    try {
      jda = connector.connect(config.token(), listener);
    } catch (RuntimeException e) {
      throw StartFailure.of(e, config.token());
    }
    log.info("Discord: logging in (slash commands, buttons and modals; no privileged intent)");
  }

  /** Interaction replies in a guild are ephemeral: only the user who asked sees them. */
  @Override
  public boolean answersPrivatelyInGroups() {
    return true;
  }

  @Override
  public String platform() {
    return PLATFORM;
  }

  @Override
  public MessageRef send(ChatRef chat, OutboundMessage message) {
    requireOurs(chat);
    Objects.requireNonNull(message, "message");
    return delivery.send(chat, message);
  }

  @Override
  public void edit(MessageRef message, OutboundMessage replacement) {
    requireOurs(message.chat());
    Objects.requireNonNull(replacement, "replacement");
    delivery.edit(message, replacement);
  }

  @Override
  public boolean delete(MessageRef message) {
    requireOurs(message.chat());
    return delivery.delete(message);
  }

  /** Connected (started and not closed): this instance sends on Discord. */
  @Override
  public boolean sendsHere() {
    synchronized (this) {
      return jda != null;
    }
  }

  /**
   * Disconnects from Discord, waiting a little for JDA's queued requests; {@link #start} may connect
   * again (another instance held the gateway meanwhile). Idempotent.
   */
  @Override
  public void close() {
    JDA current;
    synchronized (this) {
      current = jda;
      jda = null;
    }
    if (current == null) {
      return;
    }
    current.shutdown();
    try {
      if (!current.awaitShutdown(SHUTDOWN_WAIT)) {
        current.shutdownNow();
      }
    } catch (InterruptedException e) {
      current.shutdownNow();
      Thread.currentThread().interrupt();
    }
    log.info("Discord: disconnected");
  }

  private static void requireOurs(ChatRef chat) {
    if (!PLATFORM.equals(chat.platform())) {
      throw new IllegalArgumentException("not a Discord chat: " + chat);
    }
  }
}
