package dev.orderlistbot.exchange.binance;

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
