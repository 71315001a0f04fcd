package dev.orderlistbot.binance;

import static org.assertj.core.api.Assertions.assertThat;

import feign.Request;
import feign.RequestTemplate;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The signer as Feign uses it: applied again to the same template on every retry. */
class BinanceSignerTest {
  private final AtomicLong timestamp = new AtomicLong(1_700_000_000_000L);
  private final BinanceSigner signer =
      new BinanceSigner(TestKeys.HMAC_API_KEY, PayloadSigner.of(TestKeys.hmac()), timestamp::get, "5000");

  @Test
  void signsTheRenderedQueryWithRecvWindowAndTimestampAppended() {
    RequestTemplate template = new RequestTemplate().method(Request.HttpMethod.GET).uri("/api/v3/orderList");
    template.query("orderListId", "1234");

    signer.apply(template);

    String query = template.queryLine().substring(1);
    String payload = query.substring(0, query.indexOf("&signature="));
    assertThat(payload).isEqualTo("orderListId=1234&recvWindow=5000&timestamp=1700000000000");
    assertThat(query).endsWith("&signature=" + PayloadSigner.of(TestKeys.hmac()).sign(payload));
    assertThat(template.headers().get(BinanceSigner.API_KEY_HEADER)).containsExactly(TestKeys.HMAC_API_KEY);
  }

  @Test
  void reSigningARetriedQueryLeavesOneFreshTimestampAndOneSignature() {
    RequestTemplate template = new RequestTemplate().method(Request.HttpMethod.GET).uri("/api/v3/account");

    signer.apply(template);
    timestamp.addAndGet(250);
    signer.apply(template);

    String query = template.queryLine();
    assertThat(query).startsWith("?recvWindow=5000&timestamp=1700000000250&signature=");
    assertThat(query.split("signature=", -1)).hasSize(2);
    assertThat(template.headers().get(BinanceSigner.API_KEY_HEADER)).hasSize(1);
  }

  @Test
  void reSigningARetriedBodyLeavesOneFreshTimestampAndOneSignature() {
    RequestTemplate template = new RequestTemplate().method(Request.HttpMethod.POST).uri("/api/v3/orderList/oco");
    template.body("symbol=BTCUSDT&side=SELL".getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);

    signer.apply(template);
    timestamp.addAndGet(250);
    signer.apply(template);

    String body = new String(template.body(), StandardCharsets.UTF_8);
    String payload = "symbol=BTCUSDT&side=SELL&recvWindow=5000&timestamp=1700000000250";
    assertThat(body).isEqualTo(payload + "&signature=" + PayloadSigner.of(TestKeys.hmac()).sign(payload));
    assertThat(template.queryLine()).isEmpty();
  }

  @Test
  void theDerivedOcoVectorIsWhatTheSignerProducesForItsBody() {
    String vectorPayload = TestKeys.VECTORS.at("/hmac/derived/0/payload").asText();
    String params = vectorPayload.substring(0, vectorPayload.indexOf("&recvWindow="));
    RequestTemplate template = new RequestTemplate().method(Request.HttpMethod.POST).uri("/api/v3/orderList/oco");
    template.body(params.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);

    signer.apply(template);

    assertThat(new String(template.body(), StandardCharsets.UTF_8))
        .isEqualTo(vectorPayload + "&signature=" + TestKeys.VECTORS.at("/hmac/derived/0/signature").asText());
  }

  @Test
  void aFormIsKeptAsItIsUnlessItCarriesSigningPairsOrEmptyOnes() {
    String form = "symbol=BTCUSDT&side=SELL&listClientOrderId=tg42-oco-0001";

    assertThat(BinanceSigner.withoutSigningParams(form)).isSameAs(form);
    assertThat(BinanceSigner.withoutSigningParams(form + "&recvWindow=5000&timestamp=1&signature=ab")).isEqualTo(form);
    assertThat(BinanceSigner.withoutSigningParams("&" + form + "&&timestamp&")).isEqualTo(form);
    assertThat(BinanceSigner.withoutSigningParams("note=timestamp&" + form)).isEqualTo("note=timestamp&" + form);
  }

  @Test
  void anAsymmetricSignatureLongerThanAnHmacIsPercentEncodedIntoTheBody() {
    PayloadSigner ed25519 = PayloadSigner.of(TestKeys.ed25519());
    BinanceSigner edSigner = new BinanceSigner("ed25519-key", ed25519, timestamp::get, "5000");
    for (int n = 0; n < 40; n++) {
      String form = "symbol=BTCUSDT&side=SELL&listClientOrderId=tg42-oco-" + n;
      RequestTemplate template = new RequestTemplate().method(Request.HttpMethod.POST).uri("/api/v3/orderList/oco");
      template.body(form.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);

      edSigner.apply(template);

      String payload = form + "&recvWindow=5000&timestamp=1700000000000";
      assertThat(new String(template.body(), StandardCharsets.UTF_8))
          .isEqualTo(payload + "&signature=" + WireParams.encode(ed25519.sign(payload)));
    }
  }

  @Test
  void aBodyUnderAQueryIsSignedAfterTheQueryAndAnyTimestampWidthIsWritten() {
    BinanceSigner early = new BinanceSigner(TestKeys.HMAC_API_KEY, PayloadSigner.of(TestKeys.hmac()), () -> 7L, "60000");
    RequestTemplate template = new RequestTemplate().method(Request.HttpMethod.POST).uri("/api/v3/order");
    template.query("symbol", "BTCUSDT");
    template.body("note=timestamp&side=BUY".getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);

    early.apply(template);

    String signed = "note=timestamp&side=BUY&recvWindow=60000&timestamp=7";
    assertThat(new String(template.body(), StandardCharsets.UTF_8))
        .isEqualTo(signed + "&signature=" + PayloadSigner.of(TestKeys.hmac()).sign("symbol=BTCUSDT" + signed));
  }

  @Test
  void everyTimestampIsWrittenInFullWhateverItsWidth() {
    for (long millis : new long[] {0L, 9L, 10L, 99L, 100L, 999_999_999_999L, 1_000_000_000_000L, Long.MAX_VALUE, -1L}) {
      BinanceSigner at = new BinanceSigner(TestKeys.HMAC_API_KEY, PayloadSigner.of(TestKeys.hmac()), () -> millis, "5000");
      RequestTemplate template = new RequestTemplate().method(Request.HttpMethod.POST).uri("/api/v3/order");
      template.body("side=BUY".getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);

      at.apply(template);

      String payload = "side=BUY&recvWindow=5000&timestamp=" + millis;
      assertThat(new String(template.body(), StandardCharsets.UTF_8))
          .isEqualTo(payload + "&signature=" + PayloadSigner.of(TestKeys.hmac()).sign(payload));
    }
  }

  @Test
  void aBodyWithEmptyPairsIsCleanedBeforeItIsSigned() {
    RequestTemplate template = new RequestTemplate().method(Request.HttpMethod.POST).uri("/api/v3/orderList/oco");
    template.body("&symbol=BTCUSDT&&side=SELL&".getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);

    signer.apply(template);

    String payload = "symbol=BTCUSDT&side=SELL&recvWindow=5000&timestamp=1700000000000";
    assertThat(new String(template.body(), StandardCharsets.UTF_8))
        .isEqualTo(payload + "&signature=" + PayloadSigner.of(TestKeys.hmac()).sign(payload));
  }

  @Test
  void namesOnlyItsAlgorithm() {
    assertThat(signer).hasToString("BinanceSigner[PayloadSigner[HMAC-SHA256]]");
  }
}
