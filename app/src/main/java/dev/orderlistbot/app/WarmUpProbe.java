package dev.orderlistbot.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The stop signal of {@link WarmUpCommand}: instead of waiting for SIGTERM, asks the bot's own
 * {@code /healthz} on loopback until it answers 200 (or {@link #LIMIT} passes), asks {@code
 * /metrics} once, and then lets the bot stop. A plain socket speaks HTTP/1.0, so the probe loads
 * no HTTP client into the archive.
 */
final class WarmUpProbe implements StopSignal {
  static final Duration LIMIT = Duration.ofSeconds(60);
  private static final Duration RETRY = Duration.ofMillis(50);

  private final int port;
  private final AtomicBoolean healthy = new AtomicBoolean();

  WarmUpProbe(int port) {
    this.port = port;
  }

  @Override
  public void await() {
    long deadline = System.nanoTime() + LIMIT.toNanos();
    try {
      while (System.nanoTime() < deadline) {
        if (status("/healthz") == 200) {
          healthy.set(true);
          status("/metrics");
          return;
        }
        Thread.sleep(RETRY);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Whether {@code /healthz} answered 200. */
  boolean healthy() {
    return healthy.get();
  }

  /** The status code {@code path} answers with, or -1 when nothing answers. */
  private int status(String path) {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      socket.setSoTimeout((int) Duration.ofSeconds(10).toMillis());
      OutputStream out = socket.getOutputStream();
      out.write(("GET " + path + " HTTP/1.0\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      out.flush();
      BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
      String statusLine = in.readLine();
      while (in.readLine() != null) {
        // read the whole answer, as a real client does
      }
      String[] words = statusLine == null ? new String[0] : statusLine.split(" ");
      return words.length > 1 ? Integer.parseInt(words[1]) : -1;
    } catch (IOException | NumberFormatException notYet) {
      return -1;
    }
  }
}
