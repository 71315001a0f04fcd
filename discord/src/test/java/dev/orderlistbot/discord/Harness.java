package dev.orderlistbot.discord;

import static org.mockito.Mockito.mock;

import dev.orderlistbot.core.chat.ChatEvent;
import dev.orderlistbot.core.domain.Secret;
import dev.orderlistbot.core.port.in.ChatEventHandler;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import net.dv8tion.jda.api.JDA;

/**
 * The adapter as the app wires it, on a mocked {@link JDA}: the listener JDA would call is captured,
 * and "core" is a script that records each event and answers through the platform.
 */
final class Harness {
  static final String TOKEN = "MTE4NzAwMDAwMDAwMDAwMDAwMA.GxYzAb.s3cr3t-t0ken-value-never-logged_0123456789";
  static final List<String> SYMBOLS = List.of("BTCUSDT", "ETHUSDT", "BTCFDUSD", "BNBUSDT", "ETHBTC");

  final JDA jda = mock(JDA.class);
  final List<ChatEvent> handled = new CopyOnWriteArrayList<>();
  final DiscordChatPlatform platform;
  volatile Consumer<ChatEvent> core = event -> {};
  private JdaListener listener;

  Harness() {
    this(Runnable::run);
  }

  Harness(Executor executor) {
    platform =
        new DiscordChatPlatform(
            new DiscordConfig(Secret.of(TOKEN)),
            () -> SYMBOLS,
            executor,
            (token, l) -> {
              listener = (JdaListener) l;
              return jda;
            });
  }

  /** Starts the platform with the scripted core. */
  Harness started() {
    ChatEventHandler handler =
        event -> {
          handled.add(event);
          core.accept(event);
        };
    platform.start(handler);
    return this;
  }

  /** Starts the platform with {@code handler} as core. */
  Harness started(ChatEventHandler handler) {
    platform.start(handler);
    return this;
  }

  JdaListener listener() {
    return listener;
  }
}
