package dev.orderlistbot.binance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class BinanceConfigTest {

  @Test
  void eachEnvironmentHasItsDocumentedRestBaseUrl() {
    assertThat(BinanceConfig.defaults(BinanceConfig.Environment.LIVE).effectiveRestBaseUrl()).isEqualTo("https://api.binance.com");
    assertThat(BinanceConfig.defaults(BinanceConfig.Environment.TESTNET).effectiveRestBaseUrl())
        .isEqualTo("https://testnet.binance.vision");
    assertThat(BinanceConfig.defaults(BinanceConfig.Environment.DEMO).effectiveRestBaseUrl()).isEqualTo("https://demo-api.binance.com");
  }

  @Test
  void eachEnvironmentHasItsDocumentedWebSocketApiUrl() {
    assertThat(BinanceConfig.defaults(BinanceConfig.Environment.LIVE).effectiveWsApiUrl())
        .isEqualTo(URI.create("wss://ws-api.binance.com:443/ws-api/v3"));
    assertThat(BinanceConfig.defaults(BinanceConfig.Environment.TESTNET).effectiveWsApiUrl())
        .isEqualTo(URI.create("wss://ws-api.testnet.binance.vision/ws-api/v3"));
    assertThat(BinanceConfig.defaults(BinanceConfig.Environment.DEMO).effectiveWsApiUrl())
        .isEqualTo(URI.create("wss://demo-ws-api.binance.com/ws-api/v3"));
  }

  @Test
  void aWebSocketOverrideReplacesTheUrlAndSurvivesOtherChanges() {
    URI local = URI.create("ws://127.0.0.1:18080/ws-api/v3");
    BinanceConfig config =
        BinanceConfig.defaults(BinanceConfig.Environment.LIVE)
            .withWsApiUrl(local)
            .withRecvWindow(Duration.ofSeconds(10))
            .withRestBaseUrl(URI.create("http://127.0.0.1:18081"));

    assertThat(config.effectiveWsApiUrl()).isEqualTo(local);
    assertThatThrownBy(() -> config.withWsApiUrl(URI.create("https://ws-api.binance.com/ws-api/v3")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void anOverrideReplacesTheBaseUrl() {
    BinanceConfig config = BinanceConfig.defaults(BinanceConfig.Environment.LIVE).withRestBaseUrl(URI.create("https://api4.binance.com/"));

    assertThat(config.effectiveRestBaseUrl()).isEqualTo("https://api4.binance.com");
  }

  @Test
  void recvWindowIsSentInMillisecondsWithUpToThreeDecimals() {
    BinanceConfig config = BinanceConfig.defaults(BinanceConfig.Environment.TESTNET);

    assertThat(config.recvWindowParam()).isEqualTo("5000");
    assertThat(config.withRecvWindow(Duration.ofNanos(6_000_346_000L)).recvWindowParam()).isEqualTo("6000.346");
  }

  @Test
  void refusesARecvWindowBinanceWouldRefuse() {
    BinanceConfig config = BinanceConfig.defaults(BinanceConfig.Environment.TESTNET);

    assertThatThrownBy(() -> config.withRecvWindow(Duration.ofSeconds(61))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> config.withRecvWindow(Duration.ofNanos(5_000_000_001L))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> config.withRecvWindow(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void refusesABaseUrlThatIsNotHttp() {
    BinanceConfig config = BinanceConfig.defaults(BinanceConfig.Environment.TESTNET);

    assertThatThrownBy(() -> config.withRestBaseUrl(URI.create("ftp://example"))).isInstanceOf(IllegalArgumentException.class);
  }
}
