package dev.orderlistbot.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orderlistbot.core.command.CommandParser;
import dev.orderlistbot.core.command.ParseResult;
import dev.orderlistbot.core.command.PlaceOrderList;
import dev.orderlistbot.core.domain.Asset;
import dev.orderlistbot.core.domain.Price;
import dev.orderlistbot.core.domain.Symbol;
import dev.orderlistbot.core.rules.CheckResult;
import dev.orderlistbot.core.rules.MarketSnapshot;
import dev.orderlistbot.core.rules.OpenCounts;
import dev.orderlistbot.core.rules.PreTradeCheck;
import dev.orderlistbot.core.rules.SymbolRules;
import dev.orderlistbot.binance.ExchangeInfoReader;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Parse + pre-trade checks of the product brief's example, the work done for every order-list
 * message before the preview is shown (network calls excluded).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ParseAndCheckBenchmark {
  private static final String BRIEF = "/oco BTCUSDT sell 0.01 tp 32000 sl 29000/28900";

  private CommandParser parser;
  private PreTradeCheck check;
  private SymbolRules rules;
  private MarketSnapshot market;

  @Setup
  public void setUp() throws IOException {
    parser = new CommandParser(Optional.of("OrderListBot"));
    check = new PreTradeCheck();
    try (InputStream in = ParseAndCheckBenchmark.class.getResourceAsStream("/exchangeinfo-btcusdt.json")) {
      String json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      rules = new ExchangeInfoReader(new ObjectMapper()).read(json).get(Symbol.of("BTCUSDT"));
    }
    market =
        new MarketSnapshot(
            Price.of("30500"),
            Optional.empty(),
            Optional.of(Map.of(Asset.of("BTC"), new BigDecimal("0.5"), Asset.of("USDT"), new BigDecimal("20000"))),
            OpenCounts.of(0, 0, 0),
            OpenCounts.of(0, 0, 0));
    if (!(parseAndCheck() instanceof CheckResult.Accepted)) {
      throw new IllegalStateException("the brief's example must be accepted");
    }
  }

  @Benchmark
  public ParseResult parseOnly() {
    return parser.parse(BRIEF);
  }

  @Benchmark
  public CheckResult parseAndCheck() {
    ParseResult.Parsed parsed = (ParseResult.Parsed) parser.parse(BRIEF);
    return check.check((PlaceOrderList) parsed.command(), rules, market);
  }
}
