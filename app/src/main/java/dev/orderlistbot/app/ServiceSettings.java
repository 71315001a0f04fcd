package dev.orderlistbot.app;

import java.util.Objects;
import java.util.Optional;

/**
 * How the bot runs as a service: the health and metrics HTTP endpoint, and what {@code run} does
 * when no chat token is set.
 *
 * @param httpHost {@code BOT_HTTP_HOST}: the address the endpoint binds to; 127.0.0.1 (this machine
 *     only) by default, 0.0.0.0 in the container image so Docker's port mapping and HEALTHCHECK reach it
 * @param httpPort {@code BOT_HTTP_PORT}: 1 to 65535, default 8080; 0 turns the endpoint off
 * @param console {@code BOT_CONSOLE}: {@code on} (default) chats on the terminal when no token is
 *     set; {@code off} (the container image) never reads standard input and runs headless instead
 * @param instanceId {@code BOT_INSTANCE_ID}: this instance's name among those sharing the database
 *     (shown by {@code /healthz}, holder of its leases); unset, one is made at start from the host
 *     name and a random suffix
 */
record ServiceSettings(String httpHost, int httpPort, boolean console, Optional<String> instanceId) {
  static final String HTTP_HOST = "BOT_HTTP_HOST";
  static final String HTTP_PORT = "BOT_HTTP_PORT";
  static final String CONSOLE = "BOT_CONSOLE";
  static final String INSTANCE_ID = "BOT_INSTANCE_ID";
  static final String DEFAULT_HOST = "127.0.0.1";
  static final int DEFAULT_PORT = 8080;

  /** {@code BOT_CONSOLE}'s values. */
  enum Switch {
    ON,
    OFF
  }

  ServiceSettings(String httpHost, int httpPort, boolean console) {
    this(httpHost, httpPort, console, Optional.empty());
  }

  ServiceSettings {
    Objects.requireNonNull(httpHost, "httpHost");
    Objects.requireNonNull(instanceId, "instanceId");
    if (httpPort < 0 || httpPort > 65_535) {
      throw new IllegalArgumentException("httpPort out of range: " + httpPort);
    }
  }

  static ServiceSettings from(Env env) {
    String host = env.text(HTTP_HOST, DEFAULT_HOST);
    if (host.contains("/") || host.contains(" ")) {
      env.problem(HTTP_HOST, "must be an address or host name such as 127.0.0.1 or 0.0.0.0, was '" + host + "'");
      host = DEFAULT_HOST;
    }
    int port = env.integer(HTTP_PORT, DEFAULT_PORT, 0, 65_535);
    boolean console = env.choice(CONSOLE, Switch.class, Switch.ON) == Switch.ON;
    Optional<String> instanceId = env.text(INSTANCE_ID);
    if (instanceId.isPresent() && !instanceId.get().matches("[A-Za-z0-9._-]{1,40}")) {
      env.problem(INSTANCE_ID, "must be 1 to 40 letters, digits, '.', '-' or '_', e.g. bot-a");
      instanceId = Optional.empty();
    }
    return new ServiceSettings(host, port, console, instanceId);
  }

  /** Whether the health and metrics endpoint runs. */
  boolean httpEnabled() {
    return httpPort != 0;
  }
}
