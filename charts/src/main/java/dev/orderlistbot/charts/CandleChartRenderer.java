package dev.orderlistbot.charts;

import dev.orderlistbot.core.chart.Candle;
import dev.orderlistbot.core.chart.ChartLine;
import dev.orderlistbot.core.chart.ChartMark;
import dev.orderlistbot.core.chart.ChartSpec;
import dev.orderlistbot.core.port.out.ChartRenderer;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.TimeZone;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.stream.Stream;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYPointerAnnotation;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.CandlestickRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.Range;
import org.jfree.data.xy.DefaultHighLowDataset;

/**
 * Draws a {@link ChartSpec} with JFreeChart: candles, one labelled horizontal line per price (labels
 * alternate left and right in price order, so close prices stay readable), the fills as pointers,
 * the title on top, the price axis on the right. The price axis always holds every line, however
 * far from the candles, so a fat-fingered price shows as a line far away rather than off the chart.
 * Prices become {@code double} here only to be drawn: every figure written on the chart was written
 * by the engine from exact decimals. Headless; thread-safe (each call builds its own chart).
 *
 * <p>The picture is drawn on a canvas taken from a small pool and given back once encoded (an
 * 800×450 raster is 1.4 MB, most of what a render allocated): a canvas is used by one call at a
 * time, and drawing paints every pixel (the chart fills its whole area with its background first), so
 * nothing of an earlier chart shows through. When the pool is empty a call makes a new canvas; when
 * it is full a returned one is dropped.
 */
public final class CandleChartRenderer implements ChartRenderer {
  public static final int WIDTH = 800;
  public static final int HEIGHT = 450;
  /** Room above the highest and below the lowest price, as a share of the prices' span. */
  private static final double MARGIN = 0.08;
  /** Canvases kept for reuse: about as many as renders run at once on a small host. */
  private static final int CANVASES_KEPT = 4;

  private final Font font;
  private final BlockingQueue<BufferedImage> canvases = new ArrayBlockingQueue<>(CANVASES_KEPT);

  public CandleChartRenderer() {
    this.font = BundledFont.load();
  }

  @Override
  public byte[] render(ChartSpec spec) {
    if (spec.candles().isEmpty()) {
      throw new ChartException("no candles to draw for " + spec.title());
    }
    try {
      BufferedImage canvas = Objects.requireNonNullElseGet(canvases.poll(), CandleChartRenderer::canvas);
      byte[] png = PngEncoder.encode(draw(spec, canvas));
      canvases.offer(canvas);
      return png;
    } catch (RuntimeException | LinkageError | InternalError | java.awt.AWTError e) {
      // a host without what AWT needs (its native font libraries) throws errors, not exceptions:
      // the chart is not drawn, and the caller sends the text alone
      throw new ChartException("the chart of " + spec.title() + " could not be drawn (" + e.getClass().getSimpleName() + ")", e);
    }
  }

  /** The picture {@link #render} encodes, {@value #WIDTH}×{@value #HEIGHT}, {@code TYPE_INT_RGB}. */
  BufferedImage draw(ChartSpec spec) {
    return draw(spec, canvas());
  }

  /** Paints every pixel of {@code canvas} with the chart of {@code spec}, as {@code JFreeChart.createBufferedImage} would. */
  private BufferedImage draw(ChartSpec spec, BufferedImage canvas) {
    Graphics2D graphics = canvas.createGraphics();
    try {
      chart(spec).draw(graphics, new Rectangle2D.Double(0, 0, WIDTH, HEIGHT), null, null);
    } finally {
      graphics.dispose();
    }
    return canvas;
  }

  private static BufferedImage canvas() {
    return new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
  }

  private JFreeChart chart(ChartSpec spec) {
    XYPlot plot = new XYPlot(candles(spec.candles()), timeAxis(), priceAxis(spec), candleRenderer());
    plot.setBackgroundPaint(ChartPalette.BACKGROUND);
    plot.setDomainGridlinePaint(ChartPalette.GRID);
    plot.setRangeGridlinePaint(ChartPalette.GRID);
    plot.setOutlineVisible(false);
    plot.setRangeAxisLocation(AxisLocation.BOTTOM_OR_RIGHT);
    plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
    List<ChartLine> byPrice = spec.lines().stream().sorted(Comparator.comparing(ChartLine::price)).toList();
    for (int i = 0; i < byPrice.size(); i++) {
      plot.addRangeMarker(marker(byPrice.get(i), i % 2 == 0), Layer.FOREGROUND);
    }
    spec.marks().forEach(mark -> plot.addAnnotation(pointer(mark)));
    JFreeChart chart = new JFreeChart(spec.title(), font.deriveFont(Font.BOLD, 16f), plot, false);
    chart.setBackgroundPaint(ChartPalette.BACKGROUND);
    chart.getTitle().setPaint(ChartPalette.TEXT);
    chart.setPadding(new RectangleInsets(6, 6, 6, 6));
    chart.setTextAntiAlias(true);
    return chart;
  }

  private static DefaultHighLowDataset candles(List<Candle> candles) {
    int n = candles.size();
    Date[] times = new Date[n];
    double[] high = new double[n];
    double[] low = new double[n];
    double[] open = new double[n];
    double[] close = new double[n];
    double[] volume = new double[n];
    for (int i = 0; i < n; i++) {
      Candle candle = candles.get(i);
      times[i] = Date.from(candle.openTime());
      high[i] = candle.high().doubleValue();
      low[i] = candle.low().doubleValue();
      open[i] = candle.open().doubleValue();
      close[i] = candle.close().doubleValue();
    }
    return new DefaultHighLowDataset("candles", times, high, low, open, close, volume);
  }

  private DateAxis timeAxis() {
    DateAxis axis = new DateAxis();
    axis.setTimeZone(TimeZone.getTimeZone("UTC"));
    axis.setLowerMargin(0.01);
    axis.setUpperMargin(0.02);
    styled(axis);
    return axis;
  }

  private NumberAxis priceAxis(ChartSpec spec) {
    NumberAxis axis = new NumberAxis();
    axis.setAutoRangeIncludesZero(false);
    axis.setRange(range(spec));
    styled(axis);
    return axis;
  }

  private void styled(org.jfree.chart.axis.ValueAxis axis) {
    axis.setTickLabelFont(font.deriveFont(12f));
    axis.setTickLabelPaint(ChartPalette.TEXT);
    axis.setAxisLinePaint(ChartPalette.GRID);
    axis.setTickMarkPaint(ChartPalette.GRID);
  }

  /** From the lowest to the highest of the candles and the lines, with a margin. */
  static Range range(ChartSpec spec) {
    List<BigDecimal> prices =
        Stream.concat(
                spec.candles().stream().flatMap(c -> Stream.of(c.low(), c.high())),
                Stream.concat(spec.lines().stream().map(ChartLine::price), spec.marks().stream().map(ChartMark::price)))
            .toList();
    double low = prices.stream().min(Comparator.naturalOrder()).orElseThrow().doubleValue();
    double high = prices.stream().max(Comparator.naturalOrder()).orElseThrow().doubleValue();
    double span = high - low;
    double margin = span > 0 ? span * MARGIN : Math.max(high * 0.01, Double.MIN_NORMAL);
    return new Range(low - margin, high + margin);
  }

  private static CandlestickRenderer candleRenderer() {
    CandlestickRenderer renderer = new CandlestickRenderer();
    renderer.setUpPaint(ChartPalette.CANDLE_UP);
    renderer.setDownPaint(ChartPalette.CANDLE_DOWN);
    renderer.setUseOutlinePaint(false);
    renderer.setSeriesPaint(0, ChartPalette.TEXT);
    renderer.setDrawVolume(false);
    renderer.setAutoWidthMethod(CandlestickRenderer.WIDTHMETHOD_AVERAGE);
    renderer.setAutoWidthGap(2.0);
    renderer.setDefaultToolTipGenerator(null);
    return renderer;
  }

  private ValueMarker marker(ChartLine line, boolean labelLeft) {
    ValueMarker marker = new ValueMarker(line.price().doubleValue(), ChartPalette.of(line.kind()), ChartPalette.strokeOf(line.kind()));
    marker.setLabel(line.label());
    marker.setLabelFont(font.deriveFont(Font.BOLD, 13f));
    marker.setLabelPaint(ChartPalette.of(line.kind()));
    marker.setLabelBackgroundColor(ChartPalette.LABEL_BACKGROUND);
    marker.setLabelAnchor(labelLeft ? RectangleAnchor.TOP_LEFT : RectangleAnchor.TOP_RIGHT);
    marker.setLabelTextAnchor(labelLeft ? TextAnchor.BOTTOM_LEFT : TextAnchor.BOTTOM_RIGHT);
    marker.setLabelOffset(new RectangleInsets(3, 6, 3, 6));
    return marker;
  }

  private XYPointerAnnotation pointer(ChartMark mark) {
    XYPointerAnnotation pointer =
        new XYPointerAnnotation(mark.label(), mark.time().toEpochMilli(), mark.price().doubleValue(), -Math.PI / 4);
    pointer.setFont(font.deriveFont(Font.BOLD, 12f));
    pointer.setPaint(ChartPalette.FILL_MARK);
    pointer.setArrowPaint(ChartPalette.FILL_MARK);
    pointer.setBackgroundPaint(ChartPalette.LABEL_BACKGROUND);
    pointer.setTextAnchor(TextAnchor.BOTTOM_LEFT);
    return pointer;
  }
}
