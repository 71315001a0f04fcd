package dev.orderlistbot.bench;

import dev.orderlistbot.charts.CandleChartRenderer;
import dev.orderlistbot.core.chart.ChartSpec;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One chart as a preview draws it (800×450 PNG, a day of 15-minute candles, five lines and a fill),
 * sampled so the report gives the p99 the render budget is set in (≤ 150 ms). Headless, as the bot
 * runs.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "-Djava.awt.headless=true")
public class ChartRenderBenchmark {
  private CandleChartRenderer renderer;
  private ChartSpec spec;

  @Setup
  public void setUp() {
    renderer = new CandleChartRenderer();
    spec = ChartSpecs.otocoDay(7);
  }

  @Benchmark
  public byte[] renderPreviewChart() {
    return renderer.render(spec);
  }
}
