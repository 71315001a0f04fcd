package dev.orderlistbot.discord;

import dev.orderlistbot.core.domain.Secret;
import java.util.EnumSet;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;

/** Logs in to Discord with a listener; a seam so tests run the adapter on a mocked {@link JDA}. */
@FunctionalInterface
interface JdaConnector {

  JDA connect(Secret token, ListenerAdapter listener);

  /**
   * The real gateway. Slash commands, buttons and modals need no intent at all; JDA always asks for
   * the non-privileged {@code GUILDS} intent, which keeps its channel cache filled, so notices can be
   * sent to a channel outside an interaction. No privileged intent (members, presences, message
   * content). The app stops JDA itself, so JDA's own shutdown hook is off.
   */
  static JdaConnector live() {
    return live(new RestConfig());
  }

  /** The real gateway with another REST configuration (a local base URL in tests). */
  static JdaConnector live(RestConfig rest) {
    return (token, listener) ->
        JDABuilder.createLight(token.reveal(), EnumSet.noneOf(GatewayIntent.class))
            .setRestConfig(rest)
            .setEnableShutdownHook(false)
            .addEventListeners(listener)
            .build();
  }
}
