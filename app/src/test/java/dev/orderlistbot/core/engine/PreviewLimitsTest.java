package dev.orderlistbot.core.engine;

import static dev.orderlistbot.core.engine.TestBot.ALICE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.orderlistbot.core.chat.Button;
import dev.orderlistbot.core.domain.AveragePrice;
import dev.orderlistbot.core.domain.ChatRef;
import dev.orderlistbot.core.domain.Price;
import dev.orderlistbot.core.domain.Symbol;
import dev.orderlistbot.core.domain.TradingEnvironment;
import dev.orderlistbot.core.domain.order.OpenOrder;
import dev.orderlistbot.core.domain.order.OrderListId;
import dev.orderlistbot.core.domain.order.ReportedOrderType;
import dev.orderlistbot.core.port.out.ExchangeError;
import dev.orderlistbot.core.port.out.ExchangeException;
import dev.orderlistbot.core.rules.ExchangeFilter;
import dev.orderlistbot.core.rules.SymbolFilter;
import dev.orderlistbot.testing.LogCapture;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14, defects 10 and 11: the preview counts the trader's open orders against Binance's
 * open-order limits, and builds the price bands around the price Binance uses.
 */
class PreviewLimitsTest {
  private static final String OCO = "/oco BTCUSDT sell 0.01 tp 32000 sl 29000/28900";
  private static final Symbol BTCUSDT = Symbol.of("BTCUSDT");
  private static final Symbol ETHUSDT = Symbol.of("ETHUSDT");

  @TempDir Path dir;
  private TestBot bot;
  private FakeExchange exchange;
  private ChatRef alice;

  @BeforeEach
  void start() {
    bot = TestBot.withFakeExchange(dir, TradingEnvironment.PAPER, new RecordingEventSource());
    exchange = (FakeExchange) bot.exchange;
    alice = TestBot.dm(ALICE);
  }

  @AfterEach
  void stop() {
    bot.close();
  }

  @Test
  void aListOverThePairsOpenOrderLimitIsRefusedWithTheNumbers() {
    exchange.moreFilters = List.of(new SymbolFilter.MaxNumOrders(10));
    exchange.moreOpenOrders = limitOrders(BTCUSDT, 9);

    bot.say(ALICE, OCO);

    assertThat(bot.lastReply(alice)).contains("You have 9 open orders on BTCUSDT and this OCO adds 2, over the exchange's "
        + "limit of 10 per pair: cancel at least 1 open order on BTCUSDT first.");
    assertThat(exchange.openOrderQueries).containsExactly(Optional.of(BTCUSDT));
    assertThat(exchange.placeCalls).hasValue(0);
  }

  @Test
  void onlyStopAndTakeProfitOrdersStillWaitingForTheirTriggerCountAsAlgoOrders() {
    exchange.moreFilters = List.of(new SymbolFilter.MaxNumAlgoOrders(2));
    exchange.moreOpenOrders = List.of(
        new OpenOrder(BTCUSDT, Optional.of(new OrderListId(1)), ReportedOrderType.STOP_LOSS_LIMIT, false),
        new OpenOrder(BTCUSDT, Optional.of(new OrderListId(1)), ReportedOrderType.LIMIT_MAKER, true),
        new OpenOrder(BTCUSDT, Optional.of(new OrderListId(2)), ReportedOrderType.STOP_LOSS_LIMIT, true),
        new OpenOrder(BTCUSDT, Optional.empty(), ReportedOrderType.TAKE_PROFIT, false),
        new OpenOrder(ETHUSDT, Optional.of(new OrderListId(3)), ReportedOrderType.STOP_LOSS, false));

    bot.say(ALICE, OCO);

    assertThat(bot.lastReply(alice)).contains("You have 2 stop-loss and take-profit orders waiting to trigger on BTCUSDT "
        + "and this OCO adds 1, over the exchange's limit of 2 per pair: cancel at least 1 of them first.");
  }

  @Test
  void theOpenListsOnThePairAreCountedWithoutAskingForOpenOrders() {
    exchange.moreFilters = List.of(new SymbolFilter.MaxNumOrderLists(2));
    placeOco();
    placeOco();

    bot.say(ALICE, OCO);

    assertThat(bot.lastReply(alice)).contains("You have 2 open order lists on BTCUSDT and the exchange allows at most 2 per pair: "
        + "cancel at least 1 of them before placing this one.");
    assertThat(exchange.placeCalls).hasValue(2);
    assertThat(exchange.openOrderQueries).isEmpty();
  }

  @Test
  void everyPairIsAskedForOnlyWhenAnAccountWideLimitIsOn() {
    exchange.exchangeFilters = List.of(new ExchangeFilter.ExchangeMaxNumOrders(10));
    exchange.moreOpenOrders = limitOrders(ETHUSDT, 9);

    bot.say(ALICE, OCO);

    assertThat(bot.lastReply(alice)).contains("You have 9 open orders across all pairs and this OCO adds 2, over "
        + "the exchange's limit of 10 per account: cancel at least 1 open order first.");
    assertThat(exchange.openOrderQueries).containsExactly(Optional.empty());
  }

  @Test
  void noOpenOrdersAreFetchedWhenNoLimitIsOn() {
    exchange.moreFilters = List.of(new SymbolFilter.MaxNumOrders(0));

    bot.say(ALICE, OCO);

    assertThat(bot.telegram.now(bot.lastButtons(alice)).text()).contains("PREVIEW").doesNotContain("counted");
    assertThat(exchange.openOrderQueries).isEmpty();
  }

  @Test
  void whenTheOpenOrdersCannotBeFetchedThePreviewIsOfferedAndSaysTheLimitsWereNotChecked() {
    exchange.moreFilters = List.of(new SymbolFilter.MaxNumOrders(200));
    exchange.openOrdersFailure = new ExchangeException(new ExchangeError.Unavailable("the exchange did not answer"));
    String logs;
    try (LogCapture log = new LogCapture()) {
      bot.say(ALICE, OCO);
      logs = log.all();
    }

    var preview = bot.telegram.now(bot.lastButtons(alice));
    assertThat(preview.text()).contains("PREVIEW", "Your open orders could not be counted just now, so the exchange's "
        + "open-order limits were not checked: if this list is over one, the exchange refuses it and nothing is placed.");
    assertThat(preview.buttons()).extracting(Button::label).containsExactly("Confirm", "Cancel");
    assertThat(logs).contains("could not fetch the open orders for the open-order limits of BTCUSDT");
  }

  @Test
  void aStopLimitInsideTheBandAroundTheAverageIsOfferedWhileTheLastPriceHasRunAway() {
    exchange.moreFilters = List.of(bands());
    exchange.last = Price.of("40000");
    exchange.averagePrice = Optional.of(new AveragePrice(Price.of("30000"), 5));

    bot.say(ALICE, "/oco BTCUSDT sell 0.01 tp 42000 sl 31000/30900");

    assertThat(bot.telegram.now(bot.lastButtons(alice)).text()).contains("PREVIEW", "stop 31,000 limit 30,900");
  }

  @Test
  void aPriceOutsideTheBandIsRefusedNamingThePriceTheBandIsBuiltAround() {
    exchange.moreFilters = List.of(bands());
    exchange.last = Price.of("40000");
    exchange.averagePrice = Optional.of(new AveragePrice(Price.of("30000"), 5));

    bot.say(ALICE, "/oco BTCUSDT sell 0.01 tp 46000 sl 31000/30900");
    String average = bot.lastReply(alice);
    exchange.referencePrice = Optional.of(Price.of("35000"));
    bot.say(ALICE, "/oco BTCUSDT sell 0.01 tp 42000 sl 31000/27900");

    assertThat(average).contains("The take-profit price 46000 is too far from the 5-minute average price 30000");
    assertThat(bot.lastReply(alice)).contains("The stop-loss limit price 27900 is too far from the reference price 35000");
  }

  private void placeOco() {
    bot.say(ALICE, OCO);
    bot.press(ALICE, bot.lastButtons(alice), Replies.CONFIRM);
  }

  @Test
  void whenNeitherReferenceNorAverageCanBeFetchedTheBandIsBuiltAroundTheLastPriceAndSaysSo() {
    exchange.moreFilters = List.of(bands());
    exchange.referencePriceFailure = new ExchangeException(new ExchangeError.Unavailable("the exchange did not answer"));
    String logs;
    try (LogCapture log = new LogCapture()) {
      bot.say(ALICE, "/oco BTCUSDT sell 0.01 tp 46000 sl 29000/28900");
      logs = log.all();
    }

    assertThat(bot.lastReply(alice)).contains("The take-profit price 46000 is too far from the last price 30000");
    assertThat(logs).contains("could not fetch the reference or average price of BTCUSDT");
  }

  @Test
  void noBandCentreIsFetchedWithoutAPercentPriceFilter() {
    bot.say(ALICE, OCO);

    assertThat(bot.telegram.now(bot.lastButtons(alice)).text()).contains("PREVIEW");
    assertThat(exchange.referencePriceQueries).hasValue(0);
  }

  /** SELL prices from 0.8x to 1.5x the band's centre, BUY prices from 0.9x to 1.1x. */
  private static SymbolFilter bands() {
    return new SymbolFilter.PercentPriceBySide(
        new BigDecimal("1.1"), new BigDecimal("0.9"), new BigDecimal("1.5"), new BigDecimal("0.8"));
  }

  private static List<OpenOrder> limitOrders(Symbol symbol, int count) {
    return IntStream.range(0, count).mapToObj(i -> new OpenOrder(symbol, Optional.empty(), ReportedOrderType.LIMIT, true)).toList();
  }
}
