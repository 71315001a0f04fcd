package dev.orderlistbot.binance;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.orderlistbot.binance.BinanceStub.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.orderlistbot.core.domain.ApiCredentials;
import dev.orderlistbot.core.domain.KeyType;
import dev.orderlistbot.core.domain.Secret;
import dev.orderlistbot.core.domain.Symbol;
import dev.orderlistbot.core.domain.order.ClientListId;
import dev.orderlistbot.core.domain.order.OrderListId;
import dev.orderlistbot.core.domain.order.OrderListRef;
import dev.orderlistbot.core.port.out.PlacementResult;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Runs signed calls of every key type (placements, reads, cancels, the key's posture) through success, refusal, timeout, retry and failure with
 * every log line of the bot and of Feign captured at TRACE, and proves that no secret, private
 * key, API key, signature or signed URL appears in a log line, an exception or a result.
 */
class SecretLeakTest extends StubbedBinance {
  private final ListAppender<ILoggingEvent> captured = new ListAppender<>();
  private final List<Logger> watched = new ArrayList<>();
  private final List<Level> previous = new ArrayList<>();

  @BeforeEach
  void captureLogs() {
    captured.start();
    for (String name : List.of("dev.orderlistbot", "feign")) {
      Logger logger = (Logger) LoggerFactory.getLogger(name);
      watched.add(logger);
      previous.add(logger.getLevel());
      logger.setLevel(Level.TRACE);
      logger.setAdditive(false);
      logger.addAppender(captured);
    }
  }

  @AfterEach
  void releaseLogs() {
    for (int i = 0; i < watched.size(); i++) {
      watched.get(i).detachAppender(captured);
      watched.get(i).setLevel(previous.get(i));
      watched.get(i).setAdditive(true);
    }
  }

  @Test
  void noSecretSignatureOrSignedUrlIsEverLoggedOrPutInAnErrorOrResult() {
    List<String> outputs = new ArrayList<>();
    stub.server.stubFor(
        post(urlPathEqualTo("/api/v3/orderList/oco")).inScenario("p").whenScenarioStateIs(Scenario.STARTED)
            .willReturn(fixture("oco-response.json")).willSetStateTo("refuse"));
    stub.server.stubFor(
        post(urlPathEqualTo("/api/v3/orderList/oco")).inScenario("p").whenScenarioStateIs("refuse")
            .willReturn(aResponse().withStatus(400).withBody(Fixtures.text("error-2010-insufficient-balance.json")))
            .willSetStateTo("slow"));
    stub.server.stubFor(
        post(urlPathEqualTo("/api/v3/orderList/oco")).inScenario("p").whenScenarioStateIs("slow")
            .willReturn(fixture("oco-response.json").withFixedDelay((int) READ_TIMEOUT.toMillis() + 500)));
    stub.server.stubFor(
        get(urlPathEqualTo("/api/v3/openOrderList")).inScenario("r").whenScenarioStateIs(Scenario.STARTED)
            .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)).willSetStateTo("ok"));
    stub.server.stubFor(
        get(urlPathEqualTo("/api/v3/openOrderList")).inScenario("r").whenScenarioStateIs("ok")
            .willReturn(fixture("open-orderlists-response.json")));
    stub.server.stubFor(
        delete(urlPathEqualTo("/api/v3/orderList"))
            .willReturn(aResponse().withStatus(400).withBody(Fixtures.text("error-2011-unknown-order.json"))));

    stub.server.stubFor(
        get(urlPathEqualTo(BinanceStub.API_RESTRICTIONS)).inScenario("k").whenScenarioStateIs(Scenario.STARTED)
            .willReturn(aResponse().withStatus(401).withBody(Fixtures.text("error-2015-rejected-key.json"))).willSetStateTo("ok"));
    stub.server.stubFor(
        get(urlPathEqualTo(BinanceStub.API_RESTRICTIONS)).inScenario("k").whenScenarioStateIs("ok")
            .willReturn(BinanceStub.json("{\"ipRestrict\":false,\"enableWithdrawals\":true}")));
    BinanceExchangeClient live = BinanceExchangeClient.create(
        BinanceConfig.defaults(BinanceConfig.Environment.LIVE).withRestBaseUrl(stub.baseUrl()).withTimeouts(READ_TIMEOUT, READ_TIMEOUT),
        http, clock);

    for (ApiCredentials credentials : List.of(TestKeys.hmac(), TestKeys.ed25519(), TestKeys.rsa())) {
      for (int i = 0; i < 3; i++) {
        PlacementResult result = client.place(credentials, OrderListPlacementTest.chatSellOco(), ClientListId.forKey("leak" + i));
        outputs.add(result.toString());
      }
      stub.server.resetScenarios();
      outputs.add(client.openOrderLists(credentials).toString());
      outputs.add(describe(catchThrowable(() -> client.cancel(credentials, Symbol.of("BTCUSDT"), OrderListRef.of(new OrderListId(9))))));
      outputs.add(client.usage(credentials).toString());
      outputs.add(describe(catchThrowable(() -> live.keyPosture(credentials))));
      outputs.add(live.keyPosture(credentials).toString());
    }
    ApiCredentials unreadable =
        new ApiCredentials(KeyType.RSA, "unreadableKey1", Secret.of("-----BEGIN PRIVATE KEY-----\nSECRETMARKERxyz\n-----END PRIVATE KEY-----"));
    outputs.add(client.place(unreadable, OrderListPlacementTest.chatSellOco(), ClientListId.forKey("u")).toString());
    outputs.add(describe(catchThrowable(() -> client.balances(unreadable))));
    outputs.add(TestKeys.hmac().toString());

    String logs = captured.list.stream().map(SecretLeakTest::render).collect(Collectors.joining("\n"));
    assertThat(captured.list).as("the adapter logs its calls at DEBUG").isNotEmpty();
    assertThat(logs).contains("---> POST /api/v3/orderList/oco", "---> GET /api/v3/openOrderList", "---> GET /sapi/v1/account/apiRestrictions");
    List<String> forbidden = forbiddenStrings();
    assertThat(forbidden).hasSizeGreaterThan(10);
    for (String text : List.of(logs, String.join("\n", outputs))) {
      for (String secret : forbidden) {
        assertThat(text).doesNotContain(secret);
      }
      assertThat(text).doesNotContain("signature=", "timestamp=", "X-MBX-APIKEY");
    }
  }

  /** Secrets, private key material, API keys and every signature that went on the wire. */
  private List<String> forbiddenStrings() {
    List<String> forbidden = new ArrayList<>();
    forbidden.add(TestKeys.HMAC_SECRET);
    forbidden.add(TestKeys.HMAC_API_KEY);
    forbidden.add(TestKeys.ED25519_API_KEY);
    forbidden.add(TestKeys.RSA_API_KEY);
    forbidden.add("SECRETMARKER");
    for (String pem : List.of(TestKeys.ED25519_PRIVATE_PEM, TestKeys.RSA_PRIVATE_PEM)) {
      pem.lines().filter(line -> !line.startsWith("-----")).map(line -> line.substring(0, Math.min(24, line.length()))).forEach(forbidden::add);
    }
    List<String> signatures =
        stub.server.findAll(anyRequestedFor(anyUrl())).stream()
            .map(BinanceStub::payloadAndSignature)
            .filter(parts -> parts != null)
            .map(parts -> parts[1])
            .toList();
    assertThat(signatures).as("signatures seen on the wire").hasSizeGreaterThanOrEqualTo(15);
    for (String signature : signatures) {
      forbidden.add(signature);
      forbidden.add(WireParams.encode(signature));
    }
    return forbidden;
  }

  private static String describe(Throwable thrown) {
    StringBuilder text = new StringBuilder();
    for (Throwable t = thrown; t != null; t = t.getCause()) {
      text.append(t).append('\n');
      for (StackTraceElement element : t.getStackTrace()) {
        text.append(element).append('\n');
      }
    }
    return text.toString();
  }

  private static String render(ILoggingEvent event) {
    StringBuilder line = new StringBuilder(event.getFormattedMessage());
    for (var proxy = event.getThrowableProxy(); proxy != null; proxy = proxy.getCause()) {
      line.append(" | ").append(proxy.getClassName()).append(": ").append(proxy.getMessage());
    }
    return line.toString();
  }

}
