package dev.orderlistbot.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderlistbot.core.chart.ChartSpec;
import dev.orderlistbot.core.port.out.ChartRenderer;
import dev.orderlistbot.core.port.out.ChartRenderer.ChartException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DrawingThreadsTest {
  private final ExecutorService threads = Executors.newFixedThreadPool(2, Thread.ofPlatform().name("chart-drawing-", 1).factory());

  @AfterEach
  void stopThreads() {
    threads.shutdownNow();
  }

  @Test
  void everyChartIsDrawnOnTheDrawingThreadsWhicheverThreadAsks() throws Exception {
    Set<String> drewOn = ConcurrentHashMap.newKeySet();
    ChartRenderer recording = spec -> {
      drewOn.add(Thread.currentThread().getName());
      return new byte[] {1};
    };
    DrawingThreads drawing = new DrawingThreads(recording, threads);

    List<Future<byte[]>> previews = new ArrayList<>();
    try (ExecutorService previewThreads = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < 50; i++) {
        previews.add(previewThreads.submit(() -> drawing.render(CandleChartRendererTest.otoco("31000", "29000"))));
      }
    }
    for (Future<byte[]> preview : previews) {
      assertThat(preview.get()).containsExactly(1);
    }

    assertThat(drewOn).isNotEmpty().hasSizeLessThanOrEqualTo(2).allMatch(name -> name.startsWith("chart-drawing-"));
  }

  @Test
  void aChartDrawnOnTheDrawingThreadsIsThePictureTheRendererDraws() {
    ChartSpec spec = CandleChartRendererTest.otoco("31000", "29000");
    CandleChartRenderer renderer = new CandleChartRenderer();

    assertThat(new DrawingThreads(renderer, threads).render(spec)).isEqualTo(renderer.render(spec));
  }

  @Test
  void aChartTheRendererCannotDrawFailsForTheCallerWithTheRenderersReason() {
    ChartRenderer refusing = spec -> {
      throw new ChartException("no candles for BTCUSDT yet");
    };

    assertThatThrownBy(() -> new DrawingThreads(refusing, threads).render(CandleChartRendererTest.otoco("31000", "29000")))
        .isInstanceOf(ChartException.class)
        .hasMessage("no candles for BTCUSDT yet");
  }

  @Test
  void onceTheBotStopsTheThreadsAChartFailsAsAChartTheCallerSendsWithout() {
    threads.shutdown();

    assertThatThrownBy(() -> new DrawingThreads(spec -> new byte[] {1}, threads).render(CandleChartRendererTest.otoco("31000", "29000")))
        .isInstanceOf(ChartException.class)
        .hasMessageContaining("stopping");
  }
}
