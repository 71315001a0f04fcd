package dev.orderlistbot.binance;

import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The JDK listener of one connection attempt: gathers text frames and hands each whole frame to the
 * serial sequence, asking for the next one at once so that pings keep being answered, and notes
 * that something arrived (for the silence watchdog).
 *
 * <p><b>Threading.</b> Called by the JDK's WebSocket, one call at a time; it changes no state of
 * the stream itself, only hands over to {@code serial}. {@link #heardSinceLastAsked()} may be
 * called from any thread.
 */
final class FrameRelay implements WebSocket.Listener {
  private final Executor serial;
  private final Consumer<String> frames;
  private final Consumer<String> lost;
  private final StringBuilder partial = new StringBuilder();
  private final AtomicBoolean heard = new AtomicBoolean(true);

  /**
   * @param serial where the frames and the loss are handed over
   * @param frames gets each whole text frame
   * @param lost gets why the connection closed or failed
   */
  FrameRelay(Executor serial, Consumer<String> frames, Consumer<String> lost) {
    this.serial = serial;
    this.frames = frames;
    this.lost = lost;
  }

  /** Whether anything arrived since the last call (or since the attempt started); resets. */
  boolean heardSinceLastAsked() {
    return heard.getAndSet(false);
  }

  @Override
  public void onOpen(WebSocket webSocket) {
    webSocket.request(1);
  }

  @Override
  public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
    heard.set(true);
    partial.append(data);
    if (last) {
      String text = partial.toString();
      partial.setLength(0);
      serial.execute(() -> frames.accept(text));
    }
    webSocket.request(1);
    return null;
  }

  @Override
  public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
    heard.set(true);
    webSocket.request(1);
    return null;
  }

  /** Binance pings every 20 s; the JDK answers with a pong by itself. */
  @Override
  public CompletionStage<?> onPing(WebSocket webSocket, ByteBuffer message) {
    heard.set(true);
    webSocket.request(1);
    return null;
  }

  @Override
  public CompletionStage<?> onPong(WebSocket webSocket, ByteBuffer message) {
    heard.set(true);
    webSocket.request(1);
    return null;
  }

  @Override
  public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
    serial.execute(() -> lost.accept("closed by server, status " + statusCode));
    return null;
  }

  @Override
  public void onError(WebSocket webSocket, Throwable error) {
    serial.execute(() -> lost.accept("error (" + UserDataConnection.rootName(error) + ")"));
  }
}
