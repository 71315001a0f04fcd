package dev.orderlistbot.binance;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.matching.MatchResult;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A loopback Binance (WireMock on 127.0.0.1, dynamic port) that serves the fixtures and, like
 * Binance, only answers signed requests whose signature is valid over the exact bytes received:
 * the raw query string followed by the raw body, up to {@code &signature=}.
 *
 * <p><b>Seam for end-to-end tests</b> (parse, check, confirm, place): start one, point a {@link
 * BinanceExchangeClient} at it with {@link #client(Clock)}, give it market data with {@link
 * #exchangeInfo(String)}, {@link #lastPrice(String, String)} and {@link #averagePrice(String,
 * String)}, an account with {@link #nothingOpen(String)}, let it accept placements with
 * {@link #acceptsOrderLists(String, String)} and read what was sent with {@link
 * #placements(String)}. See {@code dev.orderlistbot.ExchangeSeamTest}.
 */
public final class BinanceStub implements AutoCloseable {
  /** Where Binance tells what a key may do (the live API host only). */
  public static final String API_RESTRICTIONS = "/sapi/v1/account/apiRestrictions";

  private final IpWeight ipWeight;
  final WireMockServer server;

  public BinanceStub() {
    this(Clock.systemUTC());
  }

  /** A loopback Binance whose per-IP request weight starts again at each minute of {@code clock}. */
  public BinanceStub(Clock clock) {
    ipWeight = new IpWeight(clock);
    server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort().extensions(ipWeight));
    server.start();
  }

  public URI baseUrl() {
    return URI.create("http://127.0.0.1:" + server.port());
  }

  /** A client of this stub (Testnet settings, 1 s read timeout) over a fresh HTTP/1.1 JDK client. */
  public BinanceExchangeClient client(Clock clock) {
    return client(clock, BinanceConfig.Environment.TESTNET);
  }

  /** A client of this stub with {@code environment}'s settings (1 s read timeout) over a fresh HTTP/1.1 JDK client. */
  public BinanceExchangeClient client(Clock clock, BinanceConfig.Environment environment) {
    BinanceConfig config =
        BinanceConfig.defaults(environment)
            .withRestBaseUrl(baseUrl())
            .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(1));
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();
    return BinanceExchangeClient.create(config, http, clock);
  }

  public void serverTime(long millis) {
    server.stubFor(get(urlPathEqualTo("/api/v3/time")).willReturn(json("{\"serverTime\":" + millis + "}")));
  }

  /** {@code GET /api/v3/exchangeInfo} answers a fixture, e.g. {@code exchangeinfo-btcusdt.json}. */
  public void exchangeInfo(String fixture) {
    server.stubFor(get(urlPathEqualTo("/api/v3/exchangeInfo")).willReturn(fixture(fixture)));
  }

  /**
   * Like {@link #exchangeInfo(String)}, with the IP's request weight per minute ({@code rateLimits}'
   * {@code REQUEST_WEIGHT}) set to {@code requestWeightPerMinute} in place of the fixture's 6,000.
   */
  public void exchangeInfo(String fixture, int requestWeightPerMinute) {
    String documented = "\"limit\": " + RequestWeights.DOCUMENTED_LIMIT_PER_MINUTE;
    String text = Fixtures.text(fixture);
    if (!text.contains(documented)) {
      throw new IllegalArgumentException(fixture + " states no request weight of " + RequestWeights.DOCUMENTED_LIMIT_PER_MINUTE);
    }
    server.stubFor(get(urlPathEqualTo("/api/v3/exchangeInfo"))
        .willReturn(json(text.replace(documented, "\"limit\": " + requestWeightPerMinute))));
  }

  /**
   * The request weight received in each minute (minutes since the epoch, oldest first), as Binance
   * counts it per IP and reports it in {@code X-MBX-USED-WEIGHT-1M} on every answer.
   */
  public java.util.SortedMap<Long, Integer> weightByMinute() {
    return ipWeight.byMinute();
  }

  /** {@code GET /api/v3/ticker/price?symbol=} answers {@code price}. */
  public void lastPrice(String symbol, String price) {
    server.stubFor(
        get(urlPathEqualTo("/api/v3/ticker/price"))
            .withQueryParam("symbol", com.github.tomakehurst.wiremock.client.WireMock.equalTo(symbol))
            .willReturn(json("{\"symbol\":\"" + symbol + "\",\"price\":\"" + price + "\"}")));
  }

  /** {@code symbol}'s candles, whatever the interval and count asked ({@code klines-btcusdt-15m.json}: a day of 15 minutes). */
  public void klines(String symbol, String fixture) {
    server.stubFor(
        get(urlPathEqualTo("/api/v3/klines"))
            .withQueryParam("symbol", com.github.tomakehurst.wiremock.client.WireMock.equalTo(symbol))
            .willReturn(fixture(fixture)));
  }

  /** {@code GET /api/v3/ticker/24hr?symbol=} answers a fixture, e.g. {@code ticker-24hr-btcusdt.json}. */
  public void ticker24hr(String symbol, String fixture) {
    server.stubFor(
        get(urlPathEqualTo("/api/v3/ticker/24hr"))
            .withQueryParam("symbol", com.github.tomakehurst.wiremock.client.WireMock.equalTo(symbol))
            .willReturn(fixture(fixture)));
  }

  /**
   * The centre of {@code symbol}'s price bands: no reference price was ever set ({@code -2043}), and
   * {@code GET /api/v3/avgPrice} answers {@code price} over 5 minutes.
   */
  public void averagePrice(String symbol, String price) {
    server.stubFor(
        get(urlPathEqualTo("/api/v3/referencePrice"))
            .withQueryParam("symbol", com.github.tomakehurst.wiremock.client.WireMock.equalTo(symbol))
            .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                .withBody("{\"code\":-2043,\"msg\":\"This symbol doesn't have a reference price.\"}")));
    server.stubFor(
        get(urlPathEqualTo("/api/v3/avgPrice"))
            .withQueryParam("symbol", com.github.tomakehurst.wiremock.client.WireMock.equalTo(symbol))
            .willReturn(json("{\"mins\":5,\"price\":\"" + price + "\",\"closeTime\":1700000000000}")));
  }

  /**
   * The account HMAC-signed by {@code hmacSecret} has nothing open: {@code GET /api/v3/openOrders}
   * and {@code GET /api/v3/openOrderList} answer empty arrays.
   */
  public void nothingOpen(String hmacSecret) {
    for (String path : List.of("/api/v3/openOrders", "/api/v3/openOrderList")) {
      server.stubFor(
          get(urlPathEqualTo(path)).andMatching(request -> MatchResult.of(hmacValid(request, hmacSecret))).willReturn(json("[]")));
    }
  }

  /** Every correctly HMAC-signed {@code POST /api/v3/orderList/*} is answered with a fixture. */
  public void acceptsOrderLists(String hmacSecret, String responseFixture) {
    server.stubFor(
        com.github.tomakehurst.wiremock.client.WireMock.post(
                com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching("/api/v3/orderList/(oco|oto|otoco|opo|opoco)"))
            .andMatching(request -> MatchResult.of(hmacValid(request, hmacSecret)))
            .willReturn(fixture(responseFixture)));
  }

  /**
   * Every correctly HMAC-signed {@code POST /api/v3/orderList/*} is answered with HTTP {@code
   * status} and {@code body}, e.g. {@code 400} and {@code {"code":-1006,"msg":"..."}}.
   */
  public void answersOrderLists(String hmacSecret, int status, String body) {
    server.stubFor(
        com.github.tomakehurst.wiremock.client.WireMock.post(
                com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching("/api/v3/orderList/(oco|oto|otoco|opo|opoco)"))
            .andMatching(request -> MatchResult.of(hmacValid(request, hmacSecret)))
            .willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body)));
  }

  /**
   * {@code GET /api/v3/orderList?origClientOrderId=}, HMAC-signed by {@code hmacSecret}, finds the
   * list asked for: an executing BTCUSDT OCO #1 under that client id, legs #10 ({@code -sl}) and #11
   * ({@code -tp}).
   */
  public void findsEveryListAskedFor(String hmacSecret) {
    String list =
        """
        {"orderListId":1,"contingencyType":"OCO","listStatusType":"EXEC_STARTED","listOrderStatus":"EXECUTING",
         "listClientOrderId":"{{request.query.origClientOrderId}}","transactionTime":1700000000000,"symbol":"BTCUSDT",
         "orders":[{"symbol":"BTCUSDT","orderId":10,"clientOrderId":"{{request.query.origClientOrderId}}-sl"},
                   {"symbol":"BTCUSDT","orderId":11,"clientOrderId":"{{request.query.origClientOrderId}}-tp"}]}
        """;
    server.stubFor(
        get(urlPathEqualTo("/api/v3/orderList"))
            .withQueryParam("origClientOrderId", com.github.tomakehurst.wiremock.client.WireMock.matching(".+"))
            .andMatching(request -> MatchResult.of(hmacValid(request, hmacSecret)))
            .willReturn(json(list).withTransformers("response-template")));
  }

  /**
   * This account's order lists, as Binance numbers them for it: every correctly HMAC-signed OCO
   * placement is accepted as list {@code listId} with stop-loss leg {@code stopLossId} and
   * take-profit leg {@code takeProfitId}, echoing the list's client id (legs {@code <id>-sl}, {@code
   * <id>-tp}); {@code GET /api/v3/orderList?origClientOrderId=} finds it executing.
   */
  public void numbersListsAs(String hmacSecret, long listId, long stopLossId, long takeProfitId) {
    String placed =
        """
        {"orderListId":%1$d,"contingencyType":"OCO","listStatusType":"EXEC_STARTED","listOrderStatus":"EXECUTING",
         "listClientOrderId":"{{form.listClientOrderId}}","transactionTime":1700000000000,"symbol":"BTCUSDT",
         "orders":[{"symbol":"BTCUSDT","orderId":%2$d,"clientOrderId":"{{form.listClientOrderId}}-sl"},
                   {"symbol":"BTCUSDT","orderId":%3$d,"clientOrderId":"{{form.listClientOrderId}}-tp"}],
         "orderReports":[
          {"symbol":"BTCUSDT","orderId":%2$d,"orderListId":%1$d,"clientOrderId":"{{form.listClientOrderId}}-sl","transactTime":1700000000000,
           "price":"28900.00000000","origQty":"0.01000000","executedQty":"0.00000000","cummulativeQuoteQty":"0.00000000","status":"NEW",
           "timeInForce":"GTC","type":"STOP_LOSS_LIMIT","side":"SELL","stopPrice":"29000.00000000","workingTime":-1,"selfTradePreventionMode":"NONE"},
          {"symbol":"BTCUSDT","orderId":%3$d,"orderListId":%1$d,"clientOrderId":"{{form.listClientOrderId}}-tp","transactTime":1700000000000,
           "price":"32000.00000000","origQty":"0.01000000","executedQty":"0.00000000","cummulativeQuoteQty":"0.00000000","status":"NEW",
           "timeInForce":"GTC","type":"LIMIT_MAKER","side":"SELL","workingTime":1700000000000,"selfTradePreventionMode":"NONE"}]}
        """.formatted(listId, stopLossId, takeProfitId);
    server.stubFor(
        com.github.tomakehurst.wiremock.client.WireMock.post(urlPathEqualTo("/api/v3/orderList/oco"))
            .andMatching(request -> MatchResult.of(hmacValid(request, hmacSecret)))
            .willReturn(json("{{formData request.body 'form' urlDecode=true}}" + placed).withTransformers("response-template")));
    String found =
        """
        {"orderListId":%1$d,"contingencyType":"OCO","listStatusType":"EXEC_STARTED","listOrderStatus":"EXECUTING",
         "listClientOrderId":"{{request.query.origClientOrderId}}","transactionTime":1700000000000,"symbol":"BTCUSDT",
         "orders":[{"symbol":"BTCUSDT","orderId":%2$d,"clientOrderId":"{{request.query.origClientOrderId}}-sl"},
                   {"symbol":"BTCUSDT","orderId":%3$d,"clientOrderId":"{{request.query.origClientOrderId}}-tp"}]}
        """.formatted(listId, stopLossId, takeProfitId);
    server.stubFor(
        get(urlPathEqualTo("/api/v3/orderList"))
            .withQueryParam("origClientOrderId", com.github.tomakehurst.wiremock.client.WireMock.matching(".+"))
            .andMatching(request -> MatchResult.of(hmacValid(request, hmacSecret)))
            .willReturn(json(found).withTransformers("response-template")));
  }

  /**
   * Binance knows no order list: {@code GET /api/v3/orderList} answers {@code -2013} and {@code GET
   * /api/v3/openOrderList} an empty array (both HMAC-signed by {@code hmacSecret}).
   */
  public void findsNoList(String hmacSecret) {
    server.stubFor(
        get(urlPathEqualTo("/api/v3/orderList"))
            .andMatching(request -> MatchResult.of(hmacValid(request, hmacSecret)))
            .willReturn(error(400, "error-2013-no-such-order.json")));
    server.stubFor(
        get(urlPathEqualTo("/api/v3/openOrderList"))
            .andMatching(request -> MatchResult.of(hmacValid(request, hmacSecret)))
            .willReturn(json("[]")));
  }

  /** {@code GET /api/v3/account}, signed by {@code apiKey} with HMAC {@code hmacSecret}, answers {@code accountJson}. */
  public void account(String apiKey, String hmacSecret, String accountJson) {
    server.stubFor(signedByHmac(get(urlPathEqualTo("/api/v3/account")), apiKey, hmacSecret).willReturn(json(accountJson)));
  }

  /**
   * {@code GET /sapi/v1/account/apiRestrictions}, signed by {@code apiKey} with HMAC {@code
   * hmacSecret}, answers what the key may do: {@code ipRestrict}, {@code enableWithdrawals}, {@code
   * enableMargin} and {@code enableFutures} as given, every other flag as a Spot trading key has it
   * (a later call replaces the answer).
   */
  public void apiRestrictions(
      String apiKey, String hmacSecret, boolean ipRestrict, boolean withdrawals, boolean margin, boolean futures) {
    String body =
        "{\"ipRestrict\":" + ipRestrict + ",\"createTime\":1698645219000,\"enableReading\":true,"
            + "\"enableWithdrawals\":" + withdrawals + ",\"enableInternalTransfer\":false,\"enableMargin\":" + margin
            + ",\"enableFutures\":" + futures + ",\"permitsUniversalTransfer\":false,\"enableVanillaOptions\":false,"
            + "\"enableFixApiTrade\":false,\"enableFixReadOnly\":false,\"enableSpotAndMarginTrading\":true,"
            + "\"enablePortfolioMarginTrading\":false,\"tradingAuthorityExpirationTime\":1628985600000}";
    server.stubFor(signedByHmac(get(urlPathEqualTo(API_RESTRICTIONS)), apiKey, hmacSecret).willReturn(json(body)));
  }

  /** {@code GET /sapi/v1/account/apiRestrictions} answers HTTP {@code status} with {@code body}, whoever asks. */
  public void apiRestrictionsFail(int status, String body) {
    server.stubFor(
        get(urlPathEqualTo(API_RESTRICTIONS))
            .willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body)));
  }

  /**
   * {@code GET /api/v3/orderList}, HMAC-signed by {@code secret}, answers {@code listJson} (a later
   * call replaces the answer: the list moved on).
   */
  public void orderListQuery(String hmacSecret, String listJson) {
    server.stubFor(
        get(urlPathEqualTo("/api/v3/orderList"))
            .andMatching(request -> MatchResult.of(hmacValid(request, hmacSecret)))
            .willReturn(json(listJson)));
  }

  /**
   * {@code GET /api/v3/order?orderId=}, HMAC-signed by {@code secret}, answers {@code orderJson}
   * (a later call for the same order replaces the answer).
   */
  public void orderQuery(String hmacSecret, long orderId, String orderJson) {
    server.stubFor(
        get(urlPathEqualTo("/api/v3/order"))
            .withQueryParam("orderId", com.github.tomakehurst.wiremock.client.WireMock.equalTo(Long.toString(orderId)))
            .andMatching(request -> MatchResult.of(hmacValid(request, hmacSecret)))
            .willReturn(json(orderJson)));
  }

  /** How many requests of {@code method} (e.g. {@code "POST"}) reached {@code path}. */
  public int count(String method, String path) {
    return received(RequestMethod.fromString(method), path).size();
  }

  /**
   * Every {@code method} request to {@code path} HMAC-signed by {@code hmacSecret} is answered with
   * {@code body} (a later call for the same method and path replaces the answer).
   */
  public void answers(String method, String path, String hmacSecret, String body) {
    server.stubFor(
        com.github.tomakehurst.wiremock.client.WireMock.request(method, urlPathEqualTo(path))
            .andMatching(request -> MatchResult.of(hmacValid(request, hmacSecret)))
            .willReturn(json(body)));
  }

  /** The decoded parameters of every {@code method} request received on {@code path}, oldest first. */
  public List<List<Map.Entry<String, String>>> requests(String method, String path) {
    return received(RequestMethod.fromString(method), path).stream().map(BinanceStub::params).toList();
  }

  /** The decoded parameters of every placement received on {@code /api/v3/orderList/<kind>}. */
  public List<List<Map.Entry<String, String>>> placements(String kind) {
    return received(RequestMethod.POST, "/api/v3/orderList/" + kind).stream().map(BinanceStub::params).toList();
  }

  /** The API key ({@code X-MBX-APIKEY}) of every placement received on {@code /api/v3/orderList/<kind>}, with its parameters. */
  public List<Map.Entry<String, List<Map.Entry<String, String>>>> placementsByKey(String kind) {
    return received(RequestMethod.POST, "/api/v3/orderList/" + kind).stream()
        .map(request -> Map.entry(String.valueOf(request.getHeader("X-MBX-APIKEY")), params(request)))
        .toList();
  }

  static ResponseDefinitionBuilder json(String body) {
    return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
  }

  static ResponseDefinitionBuilder fixture(String name) {
    return json(Fixtures.text(name));
  }

  static ResponseDefinitionBuilder error(int status, String fixture) {
    return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(Fixtures.text(fixture));
  }

  /** Matches only requests carrying {@code apiKey} and a valid HMAC-SHA256 signature by {@code secret}. */
  static MappingBuilder signedByHmac(MappingBuilder mapping, String apiKey, String secret) {
    return mapping.andMatching(request -> MatchResult.of(apiKey.equals(request.getHeader("X-MBX-APIKEY")) && hmacValid(request, secret)));
  }

  /** Matches only requests carrying {@code apiKey} and a valid Ed25519 or RSA signature. */
  static MappingBuilder signedBy(MappingBuilder mapping, String apiKey, String algorithm, PublicKey key) {
    return mapping.andMatching(
        request -> MatchResult.of(apiKey.equals(request.getHeader("X-MBX-APIKEY")) && asymmetricValid(request, algorithm, key)));
  }

  /** The signed payload and the (decoded) signature of a request, or null if it has not exactly one. */
  static String[] payloadAndSignature(Request request) {
    String query = rawQuery(request.getUrl());
    String body = request.getBodyAsString() == null ? "" : request.getBodyAsString();
    String all = query + "&" + body;
    if (all.split("(^|&)signature=", -1).length != 2) {
      return null;
    }
    String signed;
    String signature;
    if (!body.isEmpty()) {
      int at = body.lastIndexOf("&signature=");
      signed = query + body.substring(0, at);
      signature = body.substring(at + "&signature=".length());
    } else {
      int at = query.lastIndexOf("&signature=");
      signed = query.substring(0, at);
      signature = query.substring(at + "&signature=".length());
    }
    return new String[] {signed, URLDecoder.decode(signature, StandardCharsets.UTF_8)};
  }

  static boolean hmacValid(Request request, String secret) {
    String[] parts = payloadAndSignature(request);
    if (parts == null) {
      return false;
    }
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      String expected = HexFormat.of().formatHex(mac.doFinal(parts[0].getBytes(StandardCharsets.UTF_8)));
      return expected.equalsIgnoreCase(parts[1]);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  static boolean asymmetricValid(Request request, String algorithm, PublicKey key) {
    String[] parts = payloadAndSignature(request);
    if (parts == null) {
      return false;
    }
    try {
      Signature verifier = Signature.getInstance(algorithm);
      verifier.initVerify(key);
      verifier.update(parts[0].getBytes(StandardCharsets.UTF_8));
      return verifier.verify(Base64.getDecoder().decode(parts[1]));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      return false;
    }
  }

  /** The requests received for a method and path, oldest first. */
  List<LoggedRequest> received(RequestMethod method, String path) {
    return server.findAll(new RequestPatternBuilder(method, urlPathEqualTo(path)));
  }

  /** The raw (still percent-encoded) query string of a request URL, without {@code ?}. */
  static String rawQuery(String url) {
    int q = url.indexOf('?');
    return q < 0 ? "" : url.substring(q + 1);
  }

  /** A request's parameters in the order received, decoded: query first, then the form body. */
  static List<Map.Entry<String, String>> params(LoggedRequest request) {
    List<Map.Entry<String, String>> params = new ArrayList<>();
    String body = request.getBodyAsString() == null ? "" : request.getBodyAsString();
    for (String part : List.of(rawQuery(request.getUrl()), body)) {
      if (part.isEmpty()) {
        continue;
      }
      for (String pair : part.split("&", -1)) {
        int eq = pair.indexOf('=');
        params.add(
            Map.entry(
                URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8)));
      }
    }
    return params;
  }

  @Override
  public void close() {
    server.stop();
  }
}
