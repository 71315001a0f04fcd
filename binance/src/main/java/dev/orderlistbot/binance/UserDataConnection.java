package dev.orderlistbot.binance;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One WebSocket connection to Binance's WebSocket API, kept up: connects, takes a connection on
 * which nothing (not even a ping, answered by the JDK) arrived for {@link
 * BinanceUserDataStream.Settings#silenceLimit()} for dead, reconnects after a loss with the {@link
 * Backoff} (reset once a connection stayed up for {@link
 * BinanceUserDataStream.Settings#stableAfter()}), replaces itself before Binance's 24-hour limit,
 * sends text frames in order, and runs timers that end with the opening they were set in. It knows
 * nothing of subscriptions: it tells its {@link UserDataLink.Listener}.
 *
 * <p>Each opening attempt has a generation number; whatever comes from an older attempt (a late
 * handshake, a frame, a close, a timer) is ignored.
 *
 * <p><b>Threading.</b> All methods run on the stream's serial sequence; the JDK's listener ({@link
 * FrameRelay}) and the handshake's completion only hand over to it. {@link Counts} may be read from
 * any thread.
 */
final class UserDataConnection implements UserDataLink {
  private static final Logger log = LoggerFactory.getLogger(BinanceUserDataStream.class);

  /** Open connections and reconnects of all of a stream's connections, for the operator's metrics. */
  static final class Counts {
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicLong reconnects = new AtomicLong();

    int open() {
      return open.get();
    }

    long reconnects() {
      return reconnects.get();
    }
  }

  private final int index;
  private final Listener listener;
  private final SerialScheduler tasks;
  private final HttpClient httpClient;
  private final URI url;
  private final Duration connectTimeout;
  private final BinanceUserDataStream.Settings settings;
  private final Backoff backoff;
  private final Counts counts;
  private final List<ScheduledFuture<?>> timers = new ArrayList<>();

  private WebSocket socket;
  private FrameRelay relay;
  /** Whether this connection was ever open: the next opening is a reconnect. */
  private boolean everConnected;
  private int generation;
  private int failures;
  private boolean stopped;
  private CompletableFuture<?> sending = CompletableFuture.completedFuture(null);

  UserDataConnection(
      int index,
      Listener listener,
      SerialScheduler tasks,
      HttpClient httpClient,
      URI url,
      Duration connectTimeout,
      BinanceUserDataStream.Settings settings,
      Counts counts) {
    this.index = index;
    this.listener = listener;
    this.tasks = tasks;
    this.httpClient = httpClient;
    this.url = url;
    this.connectTimeout = connectTimeout;
    this.settings = settings;
    this.backoff = Backoff.of(settings);
    this.counts = counts;
  }

  @Override
  public void connect() {
    if (stopped) {
      return; // shut down, alone or with the whole stream
    }
    int gen = ++generation;
    log.info("user data stream connection {} connecting", index);
    CompletableFuture<WebSocket> opening;
    FrameRelay attempt = new FrameRelay(tasks, text -> onFrame(gen, text), why -> dropped(gen, why));
    relay = attempt;
    try {
      opening = httpClient.newWebSocketBuilder().connectTimeout(connectTimeout).buildAsync(url, attempt);
    } catch (RuntimeException e) {
      log.warn("user data stream connection {} could not start: {}", index, e.getClass().getSimpleName());
      tasks.execute(() -> dropped(gen, "could not start"));
      return;
    }
    var unused =
        opening.whenComplete(
            (ws, error) -> {
              log.debug("connection {} attempt {} handshake over ({})", index, gen, error == null ? "open" : rootName(error));
              tasks.execute(
                  () -> {
                    if (error != null) {
                      dropped(gen, "connect failed (" + rootName(error) + ")");
                    } else {
                      opened(gen, ws);
                    }
                  });
            });
  }

  private void opened(int gen, WebSocket ws) {
    if (gen != generation || stopped) {
      log.debug("connection {} attempt {} opened but no longer wanted (now {}, stopped {})", index, gen, generation, stopped);
      ws.abort();
      return;
    }
    socket = ws;
    counts.open.incrementAndGet();
    if (everConnected) {
      counts.reconnects.incrementAndGet();
    }
    everConnected = true;
    sending = CompletableFuture.completedFuture(null);
    cancelTimers();
    whileCurrent(settings.stableAfter(), () -> {
      if (socket != null) {
        failures = 0;
      }
    });
    whileCurrent(settings.maxConnectionAge(), () -> {
      if (socket != null) {
        log.info("user data stream connection {} is old; replacing it", index);
        replace("connection age limit", Duration.ZERO);
      }
    });
    watchdog();
    listener.opened();
  }

  /** Replaces the connection if nothing arrived on it during a whole silence limit. */
  private void watchdog() {
    whileCurrent(settings.silenceLimit(), () -> {
      if (socket == null) {
        return;
      }
      if (relay.heardSinceLastAsked()) {
        watchdog();
      } else {
        log.warn("connection {} silent for {} ms; taking it for dead", index, settings.silenceLimit().toMillis());
        dropped(generation, "silent");
      }
    });
  }

  private void onFrame(int gen, String text) {
    if (gen == generation) {
      listener.frame(text);
    }
  }

  @Override
  public boolean isOpen() {
    return socket != null;
  }

  @Override
  public void send(String text) {
    WebSocket ws = socket;
    int gen = generation;
    sending =
        sending
            .handle((ignored, error) -> null)
            .thenCompose(ignored -> ws.sendText(text, true))
            .whenComplete(
                (ignored, error) -> {
                  if (error != null) {
                    tasks.execute(() -> dropped(gen, "send failed (" + rootName(error) + ")"));
                  }
                });
  }

  @Override
  public void whileCurrent(Duration delay, Runnable task) {
    int gen = generation;
    addTimer(tasks.later(delay, () -> {
      if (gen == generation) {
        task.run();
      }
    }));
  }

  @Override
  public void drop(String why) {
    dropped(generation, why);
  }

  @Override
  public void replace(String why, Duration delay) {
    WebSocket ws = socket;
    lose();
    if (ws != null) {
      ws.abort();
    }
    log.info("connection {} closed ({}); reconnecting in {} ms", index, why, delay.toMillis());
    addTimer(tasks.later(delay, this::connect));
  }

  @Override
  public void replaceAfterBackoff(String why) {
    replace(why, backoff.after(failures++));
  }

  /** The connection failed or closed: reconnect with backoff. */
  private void dropped(int gen, String why) {
    if (gen != generation || stopped) {
      return;
    }
    WebSocket ws = socket;
    lose();
    if (ws != null) {
      ws.abort();
    }
    Duration delay = backoff.after(failures++);
    log.warn("connection {} lost ({}); reconnecting in {} ms", index, why, delay.toMillis());
    addTimer(tasks.later(delay, this::connect));
  }

  private void lose() {
    generation++;
    if (socket != null) {
      counts.open.decrementAndGet();
    }
    socket = null;
    cancelTimers();
    listener.lost();
  }

  @Override
  public void shutdown() {
    stopped = true;
    WebSocket ws = socket;
    lose();
    if (ws != null) {
      var unused =
          ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye")
              .orTimeout(2, TimeUnit.SECONDS)
              .whenComplete((ignored, error) -> ws.abort());
    }
  }

  private void addTimer(ScheduledFuture<?> timer) {
    timers.removeIf(ScheduledFuture::isDone);
    if (timer != null) {
      timers.add(timer);
    }
  }

  private void cancelTimers() {
    for (ScheduledFuture<?> timer : timers) {
      timer.cancel(false);
    }
    timers.clear();
  }

  /** The simple name of the innermost cause: no message, which might carry anything. */
  static String rootName(Throwable error) {
    Throwable root = error;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getClass().getSimpleName();
  }
}
