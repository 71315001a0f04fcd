package dev.orderlistbot.app;

import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.io.PrintWriter;
import java.util.Objects;

/**
 * Writes each event, laid out by a pattern, to a command's {@link PrintWriter} and flushes it: in
 * production the writer is standard error, so the lines are those logback's console appender
 * wrote; in the in-process tests it is the test's own writer, so they can read the log.
 */
final class WriterAppender extends AppenderBase<ILoggingEvent> {
  private final PrintWriter writer;
  private final PatternLayout layout = new PatternLayout();

  WriterAppender(PrintWriter writer, String pattern) {
    this.writer = Objects.requireNonNull(writer, "writer");
    layout.setPattern(Objects.requireNonNull(pattern, "pattern"));
  }

  @Override
  public void start() {
    layout.setContext(getContext());
    layout.start();
    super.start();
  }

  @Override
  public void stop() {
    super.stop();
    layout.stop();
    writer.flush();
  }

  @Override
  protected void append(ILoggingEvent event) {
    writer.print(layout.doLayout(event));
    writer.flush();
  }
}
