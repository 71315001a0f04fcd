package dev.orderlistbot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.longpolling.interfaces.LongPollingUpdateConsumer;
import org.telegram.telegrambots.meta.api.objects.Update;

/** The webhook's answers, on the JDK server on a loopback port, with a recording dispatcher. */
class WebhookRequestsTest {
  private static final String SECRET = "s3cret-Value_for-tests";
  private static final int MAX = 2_000;

  private final List<Update> handedOn = new CopyOnWriteArrayList<>();
  private final AtomicInteger seconds = new AtomicInteger();
  private final RecentUpdates recent = new RecentUpdates(Duration.ofMinutes(10), 100, () -> seconds.get() * 1_000_000_000L);
  private final HttpClient http = HttpClient.newHttpClient();
  private WebhookRequests requests;
  private HttpServer server;
  private URI hook;

  @BeforeEach
  void listen() throws IOException {
    LongPollingUpdateConsumer dispatcher = handedOn::addAll;
    requests = new WebhookRequests("/hook", SECRET.getBytes(StandardCharsets.UTF_8), MAX, dispatcher, recent);
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", requests);
    server.start();
    hook = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hook");
  }

  @AfterEach
  void close() {
    server.stop(0);
  }

  @Test
  void anUpdateWithTheSecretIsHandedOnAndAnswered200() throws Exception {
    assertThat(post(hook, update(41), SECRET)).isEqualTo(200);

    assertThat(handedOn).extracting(Update::getUpdateId).containsExactly(41);
    assertThat(handedOn.getFirst().getMessage().getText()).isEqualTo("hi");
  }

  @Test
  void aMissingOrWrongSecretIsRefused401AndNothingIsHandedOn() throws Exception {
    assertThat(post(hook, update(42), null)).isEqualTo(401);
    assertThat(post(hook, update(42), "s3cret-Value_for-test")).isEqualTo(401);
    assertThat(post(hook, update(42), SECRET.toUpperCase(java.util.Locale.ROOT))).isEqualTo(401);

    assertThat(handedOn).isEmpty();
    assertThat(post(hook, update(42), SECRET)).as("a refusal does not mark the update as taken").isEqualTo(200);
    assertThat(handedOn).hasSize(1);
  }

  @Test
  void theSameUpdateIdWithinTheWindowIsAnswered200AndDropped() throws Exception {
    assertThat(post(hook, update(43), SECRET)).isEqualTo(200);
    assertThat(post(hook, update(43), SECRET)).isEqualTo(200);
    assertThat(handedOn).hasSize(1);

    seconds.set(11 * 60);

    assertThat(post(hook, update(43), SECRET)).isEqualTo(200);
    assertThat(handedOn).as("forgotten after the window").hasSize(2);
  }

  @Test
  void aBodyOverTheLimitIsRefused413WhetherItsLengthIsDeclaredOrNot() throws Exception {
    String big = "{\"update_id\":44,\"pad\":\"" + "x".repeat(MAX) + "\"}";
    byte[] bytes = big.getBytes(StandardCharsets.UTF_8);

    assertThat(post(hook, big, SECRET)).isEqualTo(413);
    HttpRequest chunked =
        HttpRequest.newBuilder(hook)
            .header(WebhookRequests.SECRET_HEADER, SECRET)
            .POST(HttpRequest.BodyPublishers.ofInputStream(() -> (InputStream) new ByteArrayInputStream(bytes)))
            .build();
    assertThat(http.send(chunked, HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(413);
    assertThat(handedOn).isEmpty();
  }

  @Test
  void onlyPostOnTheWebhooksPathIsServed() throws Exception {
    assertThat(post(hook.resolve("/other"), update(45), SECRET)).isEqualTo(404);
    HttpRequest get = HttpRequest.newBuilder(hook).header(WebhookRequests.SECRET_HEADER, SECRET).GET().build();
    HttpResponse<Void> answer = http.send(get, HttpResponse.BodyHandlers.discarding());

    assertThat(answer.statusCode()).isEqualTo(405);
    assertThat(answer.headers().firstValue("Allow")).contains("POST");
    assertThat(handedOn).isEmpty();
  }

  @Test
  void aBodyThatIsNotAnUpdateIsRefused400() throws Exception {
    assertThat(post(hook, "not json", SECRET)).isEqualTo(400);
    assertThat(post(hook, "[1,2]", SECRET)).isEqualTo(400);
    assertThat(post(hook, "{\"message\":{}}", SECRET)).isEqualTo(400);
    assertThat(handedOn).isEmpty();
  }

  @Test
  void anUpdateTheLibraryCannotReadIsAnswered200AndHandedOnAsABareId() throws Exception {
    assertThat(post(hook, "{\"update_id\":46,\"message\":{\"message_id\":\"not a number\"}}", SECRET)).isEqualTo(200);

    assertThat(handedOn).singleElement().satisfies(u -> {
      assertThat(u.getUpdateId()).isEqualTo(46);
      assertThat(u.getMessage()).isNull();
    });
  }

  @Test
  void whileShuttingDownCallsAreAnswered503SoTelegramDeliversThemAgain() throws Exception {
    requests.closing();

    assertThat(post(hook, update(47), SECRET)).isEqualTo(503);
    assertThat(handedOn).isEmpty();
  }

  private int post(URI uri, String body, String secret) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.ofString(body));
    if (secret != null) {
      request.header(WebhookRequests.SECRET_HEADER, secret);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  private static String update(int id) {
    return TelegramWebhookTest.update(id, 5, "hi");
  }
}
