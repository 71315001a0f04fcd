package dev.orderlistbot.binance;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.orderlistbot.binance.BinanceStub.json;
import static dev.orderlistbot.binance.BinanceStub.signedBy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.orderlistbot.core.port.out.ExchangeException;
import dev.orderlistbot.core.port.out.KeyPosture;
import dev.orderlistbot.core.port.out.KeyPostureAnswer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A key's restrictions come from one signed {@code GET /sapi/v1/account/apiRestrictions} (weight
 * 1) on the live exchange; Spot Testnet, which has no {@code /sapi}, is not asked at all; Demo Mode
 * is asked, and its HTTP 404 means "not served here". The stub answers only correctly signed
 * requests, so every answer read here proves the signature over the exact bytes sent.
 */
class KeyRestrictionsWireTest extends StubbedBinance {

  private BinanceExchangeClient on(BinanceConfig.Environment environment) {
    BinanceConfig settings =
        BinanceConfig.defaults(environment).withRestBaseUrl(stub.baseUrl()).withTimeouts(Duration.ofSeconds(2), READ_TIMEOUT);
    return BinanceExchangeClient.create(settings, http, clock);
  }

  @Test
  void liveReadsWhatTheKeyMayDoWithOneSignedRequestOfWeightOne() {
    stub.apiRestrictions(TestKeys.HMAC_API_KEY, TestKeys.HMAC_SECRET, false, true, true, false);

    KeyPostureAnswer answer = on(BinanceConfig.Environment.LIVE).keyPosture(TestKeys.hmac());

    assertThat(answer).isEqualTo(new KeyPostureAnswer.Known(new KeyPosture(false, true, true, false, false)));
    List<LoggedRequest> sent = stub.received(RequestMethod.GET, BinanceStub.API_RESTRICTIONS);
    assertThat(sent).hasSize(1);
    assertThat(BinanceStub.params(sent.getFirst()))
        .extracting(Map.Entry::getKey)
        .contains("timestamp", "signature")
        .endsWith("signature");
    assertThat(BinanceStub.params(sent.getFirst())).contains(Map.entry("timestamp", Long.toString(NOW)));
    assertThat(BinanceStub.hmacValid(sent.getFirst(), TestKeys.HMAC_SECRET)).isTrue();
    assertThat(sent.getFirst().getHeader("X-MBX-APIKEY")).isEqualTo(TestKeys.HMAC_API_KEY);
    assertThat(RequestWeights.of("GET", stub.baseUrl() + BinanceStub.API_RESTRICTIONS + "?timestamp=1")).isEqualTo(1);
  }

  @Test
  void anEd25519KeysRestrictionsAreSignedWithTheReferenceVectorsKey() {
    stub.server.stubFor(
        signedBy(get(urlPathEqualTo(BinanceStub.API_RESTRICTIONS)), TestKeys.ED25519_API_KEY, "Ed25519", TestKeys.ed25519Public())
            .willReturn(json("{\"ipRestrict\":true,\"enableWithdrawals\":false,\"enableMargin\":false,\"enableFutures\":false}")));

    KeyPostureAnswer answer = on(BinanceConfig.Environment.LIVE).keyPosture(TestKeys.ed25519());

    assertThat(answer).isEqualTo(new KeyPostureAnswer.Known(KeyPosture.SPOT_ONLY_FROM_WHITELISTED_IPS));
  }

  @Test
  void testnetIsNotAskedAndSaysItHasNoSuchEndpoint() {
    stub.apiRestrictions(TestKeys.HMAC_API_KEY, TestKeys.HMAC_SECRET, true, false, false, false);

    KeyPostureAnswer answer = on(BinanceConfig.Environment.TESTNET).keyPosture(TestKeys.hmac());

    assertThat(answer).isEqualTo(new KeyPostureAnswer.NotChecked(KeyPostureAnswer.Why.NO_ENDPOINT_ON_TESTNET));
    assertThat(stub.count("GET", BinanceStub.API_RESTRICTIONS)).isZero();
  }

  @Test
  void demoModeThatDoesNotServeTheEndpointSaysSo() {
    stub.apiRestrictionsFail(404, "<html>Not Found</html>");

    KeyPostureAnswer answer = on(BinanceConfig.Environment.DEMO).keyPosture(TestKeys.hmac());

    assertThat(answer).isEqualTo(new KeyPostureAnswer.NotChecked(KeyPostureAnswer.Why.NOT_SERVED_HERE));
    assertThat(stub.count("GET", BinanceStub.API_RESTRICTIONS)).isEqualTo(1);
  }

  @Test
  void demoModeThatServesTheEndpointIsRead() {
    stub.apiRestrictions(TestKeys.HMAC_API_KEY, TestKeys.HMAC_SECRET, false, false, false, true);

    assertThat(on(BinanceConfig.Environment.DEMO).keyPosture(TestKeys.hmac()))
        .isEqualTo(new KeyPostureAnswer.Known(new KeyPosture(false, false, false, true, false)));
  }

  @Test
  void onLiveA404IsAFailureNotAnAnswer() {
    stub.apiRestrictionsFail(404, "<html>Not Found</html>");

    ExchangeException failure =
        catchThrowableOfType(ExchangeException.class, () -> on(BinanceConfig.Environment.LIVE).keyPosture(TestKeys.hmac()));

    assertThat(failure).isNotNull();
    assertThat(failure.getMessage()).doesNotContain(TestKeys.HMAC_SECRET).doesNotContain("signature=");
  }

  @Test
  void aRejectedKeyIsAFailureWithBinancesCode() {
    stub.apiRestrictionsFail(401, Fixtures.text("error-2015-rejected-key.json"));

    ExchangeException failure =
        catchThrowableOfType(ExchangeException.class, () -> on(BinanceConfig.Environment.LIVE).keyPosture(TestKeys.hmac()));

    assertThat(failure.error().code()).isEqualTo(-2015);
  }

  @Test
  void anAnswerWithoutTheWithdrawalFlagIsUnreadableRatherThanReadAsOff() {
    stub.server.stubFor(get(urlPathEqualTo(BinanceStub.API_RESTRICTIONS)).willReturn(json("{\"ipRestrict\":true}")));

    ExchangeException failure =
        catchThrowableOfType(ExchangeException.class, () -> on(BinanceConfig.Environment.LIVE).keyPosture(TestKeys.hmac()));

    assertThat(failure).isNotNull();
  }
}
