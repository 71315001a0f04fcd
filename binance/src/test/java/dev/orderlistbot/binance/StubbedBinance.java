package dev.orderlistbot.binance;

import dev.orderlistbot.testing.MutableClock;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of the tests that run {@link BinanceExchangeClient} against {@link BinanceStub}: a fixed
 * clock at {@link #NOW} (1700000000000 ms, the timestamp of the fixtures), Binance's clock equal to
 * it, recvWindow 5000 and a read timeout of 1 s.
 */
abstract class StubbedBinance {
  static final long NOW = 1_700_000_000_000L;
  static final Duration READ_TIMEOUT = Duration.ofSeconds(1);

  BinanceStub stub;
  MutableClock clock;
  HttpClient http;
  BinanceConfig config;
  BinanceExchangeClient client;

  @BeforeEach
  void startStub() {
    stub = new BinanceStub();
    stub.serverTime(NOW);
    clock = new MutableClock(Instant.ofEpochMilli(NOW));
    http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();
    config =
        BinanceConfig.defaults(BinanceConfig.Environment.TESTNET)
            .withRestBaseUrl(stub.baseUrl())
            .withTimeouts(Duration.ofSeconds(2), READ_TIMEOUT);
    client = BinanceExchangeClient.create(config, http, clock);
  }

  @AfterEach
  void stopStub() {
    stub.close();
    http.close();
  }
}
