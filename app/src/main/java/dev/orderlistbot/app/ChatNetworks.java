package dev.orderlistbot.app;

import dev.orderlistbot.core.domain.Symbol;
import dev.orderlistbot.core.port.in.ChatEventHandler;
import dev.orderlistbot.core.port.out.ChatDeliveryException;
import dev.orderlistbot.core.port.out.ChatPlatform;
import dev.orderlistbot.core.port.out.ExchangeClient;
import dev.orderlistbot.discord.DiscordChatPlatform;
import dev.orderlistbot.discord.DiscordConfig;
import dev.orderlistbot.telegram.TelegramChatPlatform;
import dev.orderlistbot.telegram.TelegramConfig;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The networked chat platforms whose tokens are set (Telegram, by long polling or by webhook;
 * Discord): opened before the engine exists (Telegram's username is needed to build the command
 * parser), started once it does, and closed last, after the bot has delivered what it still had to
 * send.
 */
final class ChatNetworks implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ChatNetworks.class);

  private final Optional<TelegramChatPlatform> telegram;
  private final Optional<DiscordChatPlatform> discord;
  private final Optional<ExecutorService> discordWork;
  private final AtomicReference<ExchangeClient> exchange;
  private final boolean webhook;

  private ChatNetworks(
      boolean webhook,
      Optional<TelegramChatPlatform> telegram,
      Optional<DiscordChatPlatform> discord,
      Optional<ExecutorService> discordWork,
      AtomicReference<ExchangeClient> exchange) {
    this.webhook = webhook;
    this.telegram = telegram;
    this.discord = discord;
    this.discordWork = discordWork;
    this.exchange = exchange;
  }

  /**
   * Opens the platforms with a token. Telegram is asked for the bot's username at once, so a wrong
   * token or an unreachable Bot API stops the start with a message naming the variable.
   */
  static ChatNetworks open(PlatformSettings settings) {
    AtomicReference<ExchangeClient> exchange = new AtomicReference<>();
    Optional<TelegramChatPlatform> telegram = settings.telegramToken().map(token -> telegram(settings, token));
    // made only once Telegram (which may refuse to start) is up, so a failed start leaks nothing
    Optional<ExecutorService> discordWork = settings.discordToken().map(token -> Executors.newVirtualThreadPerTaskExecutor());
    Optional<DiscordChatPlatform> discord =
        settings.discordToken()
            .map(token -> new DiscordChatPlatform(new DiscordConfig(token), () -> symbols(exchange), discordWork.orElseThrow()));
    return new ChatNetworks(settings.telegramWebhook().isPresent(), telegram, discord, discordWork, exchange);
  }

  List<ChatPlatform> platforms() {
    List<ChatPlatform> all = new ArrayList<>();
    telegram.ifPresent(all::add);
    discord.ifPresent(all::add);
    return List.copyOf(all);
  }

  /** The Telegram bot's username, for {@code /cmd@BotName} in groups. */
  Optional<String> botUsername() {
    return telegram.map(TelegramChatPlatform::botUsername);
  }

  /**
   * Starts receiving: from now on users' messages reach {@code handler}. A connection allowed once
   * per bot token (Discord's gateway, Telegram's long polling) is made on the instance that holds
   * its lease ({@link LeasedConnection}), checked after every renewal; a webhook receives on every
   * instance.
   */
  void start(ChatEventHandler handler, ExchangeClient exchangeForCompletions, LeaseTicks leaseTicks) {
    exchange.set(exchangeForCompletions);
    telegram.ifPresent(t -> {
      if (webhook) {
        startTelegram(t, handler);
      } else {
        leased(leaseTicks, new LeasedConnection(
            "Telegram long polling", LeasedConnection.TELEGRAM_POLLING, leaseTicks.leases(), () -> startTelegram(t, handler), t::stopReceiving, false));
      }
    });
    discord.ifPresent(d -> leased(leaseTicks, new LeasedConnection(
        "Discord gateway", LeasedConnection.DISCORD, leaseTicks.leases(), () -> d.start(handler), d::close, true)));
  }

  private static void leased(LeaseTicks leaseTicks, LeasedConnection connection) {
    connection.start();
    leaseTicks.afterEveryTick(connection::tick);
    leaseTicks.beforeRelease(connection::stop);
  }

  /** Starts polling or the webhook; a refusal stops the start with the variable to look at. */
  private void startTelegram(TelegramChatPlatform platform, ChatEventHandler handler) {
    try {
      platform.start(handler);
    } catch (ChatDeliveryException e) {
      throw new AppException(
          webhook
              ? TelegramWebhookSettings.URL + ": Telegram did not set the webhook at start-up (" + e.getMessage() + ")"
              : PlatformSettings.TELEGRAM_TOKEN + ": Telegram did not start polling at start-up (" + e.getMessage() + ")");
    } catch (UncheckedIOException e) {
      throw new AppException(TelegramWebhookSettings.LISTEN + ": " + e.getMessage());
    }
  }

  @Override
  public void close() {
    telegram.ifPresent(TelegramChatPlatform::close);
    discord.ifPresent(DiscordChatPlatform::close);
    discordWork.ifPresent(ExecutorService::close);
  }

  private static TelegramChatPlatform telegram(PlatformSettings settings, dev.orderlistbot.core.domain.Secret token) {
    TelegramConfig plain = TelegramConfig.of(token);
    TelegramConfig config = settings.telegramApiUrl().map(plain::withApiUrl).orElse(plain);
    TelegramChatPlatform platform =
        new TelegramChatPlatform(settings.telegramWebhook().map(config::withWebhook).orElse(config));
    try {
      LOG.info("Telegram bot @{} connected", platform.botUsername());
      return platform;
    } catch (ChatDeliveryException e) {
      platform.close();
      throw new AppException(
          PlatformSettings.TELEGRAM_TOKEN + ": Telegram did not accept the bot at start-up (" + e.getMessage() + ")");
    }
  }

  private static List<String> symbols(AtomicReference<ExchangeClient> exchange) {
    ExchangeClient client = exchange.get();
    return client == null ? List.of() : client.tradingSymbols().stream().map(Symbol::value).toList();
  }
}
