package dev.orderlistbot.binance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orderlistbot.binance.UserDataFrames.Response.Outcome;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class UserDataFramesTest {
  private final UserDataFrames frames = new UserDataFrames(new ObjectMapper());

  private Outcome outcomeOf(int status, int code) {
    String text = "{\"id\":\"uds-1\",\"status\":" + status + ",\"error\":{\"code\":" + code + ",\"msg\":\"no\"}}";
    return ((UserDataFrames.Response) frames.read(text)).outcome();
  }

  @Test
  void eachAnswerToASubscriptionIsReadAsWhatTheBotDoesNext() {
    assertThat(((UserDataFrames.Response) frames.read(Fixtures.text("ws-userdatastream-subscribe-response.json"))).outcome())
        .isEqualTo(Outcome.SUBSCRIBED);
    assertThat(((UserDataFrames.Response) frames.read(Fixtures.text("ws-error-2015-session-revoked.json"))).outcome())
        .isEqualTo(Outcome.KEY_REFUSED);
    assertThat(outcomeOf(400, -2014)).isEqualTo(Outcome.KEY_REFUSED);
    assertThat(outcomeOf(400, -1022)).isEqualTo(Outcome.KEY_REFUSED);
    assertThat(outcomeOf(400, -2035)).isEqualTo(Outcome.ACCOUNT_ALREADY_SUBSCRIBED);
    assertThat(outcomeOf(400, -2042)).isEqualTo(Outcome.CONNECTION_FULL);
    assertThat(outcomeOf(400, -1021)).isEqualTo(Outcome.CLOCK_OFF);
    assertThat(outcomeOf(429, -1003)).isEqualTo(Outcome.FAILED);
  }

  @Test
  void status401RefusesTheKeyWhateverTheCode() {
    assertThat(outcomeOf(401, -2035)).isEqualTo(Outcome.KEY_REFUSED);
    assertThat(outcomeOf(401, -1021)).isEqualTo(Outcome.KEY_REFUSED);
  }

  @Test
  void aBanCarriesTheTimeItEnds() {
    UserDataFrames.Response ban = (UserDataFrames.Response) frames.read(Fixtures.text("ws-error-418-ip-banned.json"));

    assertThat(ban.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(ban.retryAfter()).isEqualTo(OptionalLong.of(1659146400000L));
    assertThat(outcomeOf(400, -1003)).isEqualTo(Outcome.FAILED);
    assertThat(((UserDataFrames.Response) frames.read("{\"id\":\"uds-1\",\"status\":400,\"error\":{\"data\":{\"retryAfter\":\"soon\"}}}")).retryAfter())
        .isEmpty();
  }

  @Test
  void anEventNamesItsSubscriptionOnlyWhenItIsAnInteger() {
    UserDataFrames.Event terminated = (UserDataFrames.Event) frames.read(Fixtures.text("ws-event-stream-terminated.json"));
    UserDataFrames.Event shutdown = (UserDataFrames.Event) frames.read(Fixtures.text("ws-server-shutdown.json"));
    UserDataFrames.Event named = (UserDataFrames.Event) frames.read("{\"subscriptionId\":\"0\",\"event\":{\"e\":\"listStatus\"}}");

    assertThat(terminated.subscriptionId()).isEqualTo(OptionalLong.of(0));
    assertThat(terminated.isStreamTerminated()).isTrue();
    assertThat(shutdown.subscriptionId()).isEmpty();
    assertThat(shutdown.isServerShutdown()).isTrue();
    assertThat(named.subscriptionId()).isEmpty();
    assertThat(named.subscriptionText()).isEqualTo("\"0\"");
  }

  @Test
  void framesThatAreNeitherAnEventNorAnAnswerAreToldApart() {
    assertThat(frames.read("not json {")).isInstanceOf(UserDataFrames.Unparseable.class);
    assertThat(frames.read("{\"result\":null}")).isInstanceOf(UserDataFrames.Unrecognised.class);
  }

  @Test
  void requestsAreNumberedInTheOrderTheyAreWritten() {
    PayloadSigner signer = PayloadSigner.of(TestKeys.hmac());
    UserDataFrames.Request first = frames.subscribe(TestKeys.HMAC_API_KEY, "5000", 1_700_000_000_000L, signer);
    String second = frames.unsubscribe(3);
    UserDataFrames.Request third = frames.subscribe(TestKeys.HMAC_API_KEY, "5000", 1_700_000_000_000L, signer);

    assertThat(first.id()).isEqualTo("uds-1");
    assertThat(first.text()).contains("\"id\":\"uds-1\"");
    assertThat(second).contains("\"id\":\"uds-2\"").contains("\"subscriptionId\":3");
    assertThat(third.id()).isEqualTo("uds-3");
  }

  @Test
  void aSubscriptionIsSignedOverExactlyTheParamsItSends() throws Exception {
    UserDataFrames.Request request =
        frames.subscribe(TestKeys.HMAC_API_KEY, "5000", 1_700_000_000_000L, PayloadSigner.of(TestKeys.hmac()));

    var params = Fixtures.JSON.readTree(request.text()).path("params");
    assertThat(params.path("signature").asText()).isEqualTo(FakeWsApi.hmac(TestKeys.HMAC_SECRET, FakeWsApi.payload(params)));
    assertThat(params.path("recvWindow").isNumber()).isTrue();
  }
}
