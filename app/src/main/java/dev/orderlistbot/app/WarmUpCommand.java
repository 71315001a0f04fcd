package dev.orderlistbot.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;

/**
 * {@code warm-up} (hidden): the class data sharing training run of the container image. The
 * Dockerfile runs it once with {@code -XX:ArchiveClassesAtExit}, so the classes of the start path
 * are in the archive every later start maps. It starts the bot as {@code run} does, headless, on
 * paper, in a throw-away data directory, with the health endpoint on a free loopback port; asks
 * {@code /healthz} and {@code /metrics} once ({@link WarmUpProbe}); stops cleanly and deletes the
 * directory. Exit code 0 only when {@code /healthz} answered 200, so an image whose jar cannot start
 * does not build. None of the caller's bot settings (tokens, keys, database) are used.
 */
@Command(name = "warm-up", hidden = true, description = "Start on paper in a temporary directory, ask /healthz, stop.")
final class WarmUpCommand implements Callable<Integer> {
  private final Main.Context context;

  WarmUpCommand(Main.Context context) {
    this.context = context;
  }

  @Override
  public Integer call() throws IOException {
    Path data = Files.createTempDirectory("orderlist-bot-warm-up");
    try {
      int port = freeLoopbackPort();
      Map<String, String> env =
          Map.of(
              AppConfig.DATA_DIR, data.toString(),
              TradingSettings.BINANCE_ENV, "paper",
              ServiceSettings.CONSOLE, "off",
              ServiceSettings.HTTP_HOST, "127.0.0.1",
              ServiceSettings.HTTP_PORT, Integer.toString(port));
      WarmUpProbe probe = new WarmUpProbe(port);
      Main.Context warmUp =
          new Main.Context(
              env, context.in(), context.out(), context.err(), context.assembly(), probe, context.logging());
      int code = new RunCommand(warmUp, false).call();
      context.out().println("warm-up: /healthz " + (probe.healthy() ? "answered 200" : "did not answer 200"));
      return code == 0 && probe.healthy() ? 0 : 1;
    } finally {
      deleteTree(data);
    }
  }

  private static int freeLoopbackPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(WarmUpCommand::delete);
    }
  }

  private static void delete(Path path) {
    try {
      Files.delete(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
