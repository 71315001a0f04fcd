package dev.orderlistbot.core.engine;

import static dev.orderlistbot.core.engine.TestBot.ALICE;
import static dev.orderlistbot.core.engine.TestBot.BOB;
import static dev.orderlistbot.core.engine.TestBot.dm;
import static org.assertj.core.api.Assertions.assertThat;

import dev.orderlistbot.charts.CandleChartRenderer;
import dev.orderlistbot.core.chart.ChartSpec;
import dev.orderlistbot.core.chat.MessageRef;
import dev.orderlistbot.core.chat.OutboundMessage;
import dev.orderlistbot.core.chat.Picture;
import dev.orderlistbot.core.domain.Side;
import dev.orderlistbot.core.domain.TradingEnvironment;
import dev.orderlistbot.core.domain.order.ClientListId;
import dev.orderlistbot.core.domain.order.ClientOrderId;
import dev.orderlistbot.core.domain.order.ExpiryReason;
import dev.orderlistbot.core.domain.order.LegExecution;
import dev.orderlistbot.core.domain.order.LegRole;
import dev.orderlistbot.core.domain.order.LegStatus;
import dev.orderlistbot.core.domain.order.OrderListId;
import dev.orderlistbot.core.domain.order.OrderListUpdate;
import dev.orderlistbot.core.domain.order.ReportedOrderType;
import dev.orderlistbot.core.port.out.ChartRenderer;
import dev.orderlistbot.core.port.out.ChatDeliveryException;
import dev.orderlistbot.core.port.out.TrackedOrderList;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Charts in the conversation: the preview is its chart with the preview's text and buttons, the
 * card keeps it and draws the fills once the list trades, {@code /chart} draws a pair with the
 * trader's open lists, {@code /settings charts off} turns them off, and whenever a chart cannot be
 * drawn or sent the text goes out alone.
 */
class ChartConversationTest {
  private static final String OCO = "/oco BTCUSDT sell 0.01 tp 32000 sl 29000/28900";
  private static final String OTOCO = "/otoco BTCUSDT buy 0.01 @ 29000 tp 31000 sl 28000";
  /** Within the day of candles the fake exchange draws (its clock is the test's, 10:00). */
  private static final Instant FILLED_AT = Instant.parse("2026-03-01T07:30:00Z");

  @TempDir Path dir;
  private TestBot bot;
  private final List<ChartSpec> drawn = new CopyOnWriteArrayList<>();

  @AfterEach
  void stop() {
    if (bot != null) {
      bot.close();
    }
  }

  /** The bot drawing with the real renderer, remembering what it was asked to draw. */
  private TestBot botDrawing(Executor candles, Duration wait) {
    CandleChartRenderer renderer = new CandleChartRenderer();
    ChartRenderer recording = spec -> {
      drawn.add(spec);
      return renderer.render(spec);
    };
    return botWith(new ChartDrawing.On(recording, candles, wait));
  }

  private TestBot botWith(ChartDrawing drawing) {
    return new TestBot(
        dir,
        EngineConfig.of(TradingEnvironment.PAPER, Set.of(ALICE, BOB), Set.of()),
        new FakeExchange(),
        Optional.empty(),
        Optional.of(new RecordingEventSource()),
        drawing);
  }

  @Test
  void thePreviewIsItsChartWithThePreviewTextAndTheConfirmButtons() throws IOException {
    bot = botDrawing(Runnable::run, Duration.ofSeconds(2));

    bot.say(ALICE, OCO);

    OutboundMessage preview = bot.telegram.now(bot.lastButtons(dm(ALICE)));
    assertThat(preview.text()).contains("OCO SELL 0.01 BTC · BTCUSDT");
    assertThat(preview.buttons()).extracting(b -> b.label()).containsExactly(Replies.CONFIRM, Replies.CANCEL);
    Picture chart = preview.picture().orElseThrow();
    assertThat(chart.fileName()).isEqualTo("chart-BTCUSDT.png");
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(chart.bytes()));
    assertThat(image.getWidth()).isEqualTo(800);
    assertThat(image.getHeight()).isEqualTo(450);
    ChartSpec spec = drawn.getLast();
    assertThat(spec.title()).isEqualTo("BTCUSDT · OCO SELL · 15m · PAPER");
    assertThat(spec.candles()).hasSize(96);
    assertThat(spec.lines()).extracting(l -> l.price().toPlainString()).contains("32000", "29000", "28900");
  }

  @Test
  void confirmingKeepsTheChartAndPutsTheResultUnderIt() {
    bot = botDrawing(Runnable::run, Duration.ofSeconds(2));
    bot.say(ALICE, OCO);
    MessageRef preview = bot.lastButtons(dm(ALICE));
    Picture chart = bot.telegram.now(preview).picture().orElseThrow();

    bot.press(ALICE, preview, Replies.CONFIRM);

    OutboundMessage card = bot.telegram.now(preview);
    assertThat(card.text()).startsWith("✅ Placed on PAPER: OCO SELL 0.01 BTCUSDT.");
    assertThat(card.picture()).contains(chart);
  }

  @Test
  void onceTheListTradesTheCardsChartMarksTheFill() {
    bot = botDrawing(Runnable::run, Duration.ofSeconds(2));
    bot.say(ALICE, OTOCO);
    MessageRef preview = bot.lastButtons(dm(ALICE));
    bot.press(ALICE, preview, Replies.CONFIRM);
    Picture before = bot.telegram.now(preview).picture().orElseThrow();
    TrackedOrderList list = bot.tracked(8821).orElseThrow();

    bot.router().onUpdate(ALICE, entryFilled(list));

    OutboundMessage card = bot.telegram.now(preview);
    assertThat(card.text()).contains("filled 0.01 at avg 28,990");
    assertThat(card.picture()).isPresent().isNotEqualTo(Optional.of(before));
    ChartSpec spec = drawn.getLast();
    assertThat(spec.title()).isEqualTo("BTCUSDT · OTOCO · 15m · PAPER");
    assertThat(spec.marks()).singleElement().satisfies(mark -> {
      assertThat(mark.price()).isEqualByComparingTo("28990");
      assertThat(mark.label()).isEqualTo("entry filled 28,990");
      assertThat(mark.time()).as("at the fill's own time").isEqualTo(FILLED_AT);
    });
  }

  @Test
  void chartsTurnedOffByTheTraderLeaveTheTextAloneAndTurnBackOn() {
    bot = botDrawing(Runnable::run, Duration.ofSeconds(2));

    bot.say(ALICE, "/settings charts off");
    assertThat(bot.lastReply(ALICE)).startsWith("Charts are off");
    bot.say(ALICE, OCO);
    assertThat(bot.telegram.now(bot.lastButtons(dm(ALICE))).picture()).isEmpty();
    bot.say(ALICE, "/settings");
    assertThat(bot.lastReply(ALICE)).contains("charts: off").contains("/settings charts on");
    bot.say(BOB, OCO);
    assertThat(bot.telegram.now(bot.lastButtons(dm(BOB))).picture()).as("Bob's own setting is on").isPresent();

    bot.say(ALICE, "/settings charts on");
    bot.say(ALICE, OCO);
    assertThat(bot.telegram.now(bot.lastButtons(dm(ALICE))).picture()).isPresent();
  }

  @Test
  void aPictureThePlatformRefusesLeavesThePreviewAsText() {
    bot = botDrawing(Runnable::run, Duration.ofSeconds(2));
    bot.telegram.failNextSend(ChatDeliveryException.permanent("Bad Request: PHOTO_INVALID_DIMENSIONS", null));

    bot.say(ALICE, OCO);

    OutboundMessage preview = bot.telegram.now(bot.lastButtons(dm(ALICE)));
    assertThat(preview.picture()).isEmpty();
    assertThat(preview.text()).contains("OCO SELL 0.01 BTC · BTCUSDT");
    assertThat(preview.buttons()).extracting(b -> b.label()).containsExactly(Replies.CONFIRM, Replies.CANCEL);
  }

  @Test
  void aChartThatCannotBeDrawnLeavesThePreviewAsText() {
    bot = botWith(new ChartDrawing.On(spec -> {
      throw new ChartRenderer.ChartException("no candles to draw for " + spec.title());
    }, Runnable::run, Duration.ofSeconds(2)));

    bot.say(ALICE, OCO);

    OutboundMessage preview = bot.telegram.now(bot.lastButtons(dm(ALICE)));
    assertThat(preview.picture()).isEmpty();
    assertThat(preview.buttons()).extracting(b -> b.label()).containsExactly(Replies.CONFIRM, Replies.CANCEL);
  }

  @Test
  void candlesLaterThanTheWaitNeverHoldThePreviewBack() {
    List<Runnable> neverRun = new ArrayList<>();
    bot = botDrawing(neverRun::add, Duration.ofMillis(20));

    bot.say(ALICE, OCO);

    OutboundMessage preview = bot.telegram.now(bot.lastButtons(dm(ALICE)));
    assertThat(neverRun).as("the candles were asked for").hasSize(1);
    assertThat(preview.picture()).isEmpty();
    assertThat(preview.text()).contains("OCO SELL 0.01 BTC · BTCUSDT");
  }

  @Test
  void chartDrawsThePairWithTheTradersOpenLists() {
    bot = botDrawing(Runnable::run, Duration.ofSeconds(2));
    bot.say(ALICE, OTOCO);
    bot.press(ALICE, bot.lastButtons(dm(ALICE)), Replies.CONFIRM);

    bot.say(ALICE, "/chart BTCUSDT 1h");

    OutboundMessage chart = bot.telegram.now(bot.telegram.history().getLast().ref());
    assertThat(chart.text()).startsWith("BTCUSDT · 1h · PAPER · last ").contains("Your open lists on it: #8821 OTOCO.");
    assertThat(chart.picture()).isPresent();
    ChartSpec spec = drawn.getLast();
    assertThat(spec.candles()).hasSize(72);
    assertThat(spec.lines()).extracting(l -> l.label()).anyMatch(label -> label.startsWith("#8821 entry 29,000"))
        .anyMatch(label -> label.startsWith("#8821 TP 31,000")).anyMatch(label -> label.startsWith("#8821 SL 28,000"));

    bot.say(BOB, "/chart BTCUSDT");
    assertThat(bot.lastReply(BOB)).contains("You have no open list on BTCUSDT.");
  }

  @Test
  void chartOnABotWithoutChartsSaysSoWithTheText() {
    bot = botWith(ChartDrawing.OFF);

    bot.say(ALICE, "/chart BTCUSDT");

    assertThat(bot.lastReply(ALICE)).startsWith("BTCUSDT · 15m · PAPER").contains("Charts are turned off on this bot");
    bot.say(ALICE, "/settings");
    assertThat(bot.lastReply(ALICE)).contains("charts: off on this bot");
  }

  @Test
  void chartInAGroupDrawsThePairButNoTradersLists() {
    bot = botDrawing(Runnable::run, Duration.ofSeconds(2));
    bot.say(ALICE, OTOCO);
    bot.press(ALICE, bot.lastButtons(dm(ALICE)), Replies.CONFIRM);

    bot.sayInGroup(ALICE, "/chart BTCUSDT");

    OutboundMessage chart = bot.telegram.now(bot.telegram.history().getLast().ref());
    assertThat(chart.text()).startsWith("BTCUSDT · 15m · PAPER").contains("only in a private chat").doesNotContain("8821");
    assertThat(chart.picture()).isPresent();
    assertThat(drawn.getLast().lines()).extracting(l -> l.label()).noneMatch(label -> label.contains("8821"));
  }

  @Test
  void statusSendsTheCardAgainWithItsChart() {
    bot = botDrawing(Runnable::run, Duration.ofSeconds(2));
    bot.say(ALICE, OTOCO);
    bot.press(ALICE, bot.lastButtons(dm(ALICE)), Replies.CONFIRM);

    bot.say(ALICE, "/status 8821");

    OutboundMessage card = bot.telegram.now(bot.lastButtons(dm(ALICE)));
    assertThat(card.text()).startsWith("📋 PAPER · BTCUSDT OTOCO #8821");
    assertThat(card.picture()).isPresent();
    assertThat(drawn.getLast().title()).isEqualTo("BTCUSDT · OTOCO · 15m · PAPER");
  }

  @Test
  void aTradersChartsSettingSurvivesARestart() {
    bot = botDrawing(Runnable::run, Duration.ofSeconds(2));
    bot.say(ALICE, "/settings charts off");

    bot.restart();
    bot.say(ALICE, OCO);

    assertThat(bot.telegram.now(bot.lastButtons(dm(ALICE))).picture()).isEmpty();
  }

  @Test
  void aLadderPreviewDrawsEveryTakeProfitOnOneChart() {
    bot = botDrawing(Runnable::run, Duration.ofSeconds(2));

    bot.say(ALICE, "/otoco BTCUSDT buy 0.02 @ 29000 tp 31000 32000 split 50/50 sl 28000");

    OutboundMessage preview = bot.telegram.now(bot.lastButtons(dm(ALICE)));
    assertThat(preview.picture()).isPresent();
    ChartSpec spec = drawn.getLast();
    assertThat(spec.title()).isEqualTo("BTCUSDT · 2 × OTOCO BUY · 15m · PAPER");
    assertThat(spec.lines()).extracting(l -> l.label())
        .anyMatch(label -> label.startsWith("TP 31,000")).anyMatch(label -> label.startsWith("TP 32,000"))
        .filteredOn(label -> label.startsWith("entry 29,000")).hasSize(1);
  }

  @Test
  void aPictureSendThatMayHaveGoneThroughIsNotSentAgainAsText() {
    bot = botDrawing(Runnable::run, Duration.ofSeconds(2));
    bot.telegram.failNextSend(ChatDeliveryException.retryLater("Telegram unreachable", Optional.empty(), null));

    bot.say(ALICE, OCO);

    assertThat(bot.telegram.history()).as("no second preview with live buttons").isEmpty();
  }

  private static OrderListUpdate.LegChanged entryFilled(TrackedOrderList list) {
    ClientListId clientId = new ClientListId(list.listClientOrderId());
    return new OrderListUpdate.LegChanged(
        "entry-fill", list.symbol(), new OrderListId(8821), 1001L, new ClientOrderId(clientId.legId(LegRole.WORKING).value()),
        ReportedOrderType.LIMIT, Side.BUY, LegExecution.TRADE, LegStatus.FILLED, new BigDecimal("0.01"), new BigDecimal("0.01"),
        new BigDecimal("28990"), new BigDecimal("0.01"), new BigDecimal("289.9"), Optional.empty(),
        Optional.empty(), ExpiryReason.NONE, FILLED_AT);
  }
}
