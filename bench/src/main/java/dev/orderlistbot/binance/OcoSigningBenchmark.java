package dev.orderlistbot.binance;

import com.binance.connector.client.utils.UrlBuilder;
import com.binance.connector.client.utils.signaturegenerator.Ed25519SignatureGenerator;
import com.binance.connector.client.utils.signaturegenerator.HmacSignatureGenerator;
import com.binance.connector.client.utils.signaturegenerator.RsaSignatureGenerator;
import com.binance.connector.client.utils.signaturegenerator.SignatureGenerator;
import dev.orderlistbot.core.domain.ApiCredentials;
import dev.orderlistbot.core.domain.KeyType;
import dev.orderlistbot.core.domain.Price;
import dev.orderlistbot.core.domain.Quantity;
import dev.orderlistbot.core.domain.Secret;
import dev.orderlistbot.core.domain.Side;
import dev.orderlistbot.core.domain.Symbol;
import dev.orderlistbot.core.domain.TimeInForce;
import dev.orderlistbot.core.domain.order.ClientListId;
import dev.orderlistbot.core.domain.order.Leg;
import dev.orderlistbot.core.domain.order.OcoPair;
import dev.orderlistbot.core.domain.order.OrderListRequest;
import dev.orderlistbot.core.domain.order.Trigger;
import feign.Request;
import feign.RequestTemplate;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Building and signing the chat OCO ({@code /oco BTCUSDT sell 0.01 tp 32000 sl 29000/28900}) into
 * the bytes that go on the wire: the bot's path (request record, {@link OrderListParams}, {@link
 * BinanceSigner} on a Feign template) next to the official {@code binance-connector-java} 3.4.1
 * (a parameter map, {@code UrlBuilder}, its signature generators). Same payload, same keys (the
 * public test keys of the signature vectors; RSA with a 2048-bit key made at set-up), HMAC,
 * Ed25519 and RSA, plus the bot's Ed25519 path before issue 19 (the JDK's SunEC provider). No
 * network.
 *
 * <p>In this package so it can use the adapter's package-private signer, as the adapter does.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class OcoSigningBenchmark {
  static final String HMAC_API_KEY = "vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A";
  static final String HMAC_SECRET = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j";
  static final String ED25519_PEM =
      "-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIJ1hsZ3v/VpguoRK9JLsLMREScVpezJpGXA7rAMcrn9g\n-----END PRIVATE KEY-----\n";
  static final long TIMESTAMP = 1_700_000_000_000L;

  private OrderListRequest.Oco oco;
  private ClientListId id;
  private BinanceSigner ourHmac;
  private BinanceSigner ourEd25519;
  private SignatureGenerator connectorHmac;
  private SignatureGenerator connectorEd25519;
  private BinanceSigner ourRsa;
  private SignatureGenerator connectorRsa;
  private BinanceSigner jdkEd25519;
  private Path pemFile;
  private Path rsaPemFile;

  @Setup
  public void setUp() throws IOException, NoSuchAlgorithmException {
    oco =
        new OrderListRequest.Oco(
            Symbol.of("BTCUSDT"),
            Quantity.of("0.01"),
            new OcoPair(
                Side.SELL,
                new Leg.LimitMaker(Price.of("32000")),
                new Leg.StopLossLimit(Trigger.at(Price.of("29000")), Price.of("28900"), TimeInForce.GTC)));
    id = new ClientListId("tg42-oco-0001");
    ourHmac = signer(new ApiCredentials(KeyType.HMAC, HMAC_API_KEY, Secret.of(HMAC_SECRET)));
    ourEd25519 = signer(new ApiCredentials(KeyType.ED25519, "ed25519-bench", Secret.of(ED25519_PEM)));
    connectorHmac = new HmacSignatureGenerator(HMAC_SECRET);
    pemFile = Files.createTempFile("bench-ed25519", ".pem");
    Files.writeString(pemFile, ED25519_PEM);
    connectorEd25519 = new Ed25519SignatureGenerator(pemFile.toString());
    jdkEd25519 =
        new BinanceSigner(
            "ed25519-bench", new PayloadSigner.Asymmetric("Ed25519", "Ed25519", der(ED25519_PEM)), () -> TIMESTAMP, "5000");
    KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
    rsa.initialize(2048, new SecureRandom(new byte[] {19}));
    String rsaPem =
        "-----BEGIN PRIVATE KEY-----\n"
            + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(rsa.generateKeyPair().getPrivate().getEncoded())
            + "\n-----END PRIVATE KEY-----\n";
    ourRsa = signer(new ApiCredentials(KeyType.RSA, "rsa-bench", Secret.of(rsaPem)));
    rsaPemFile = Files.createTempFile("bench-rsa", ".pem");
    Files.writeString(rsaPemFile, rsaPem);
    connectorRsa = new RsaSignatureGenerator(rsaPemFile.toString());
  }

  private static byte[] der(String pem) {
    return Base64.getMimeDecoder().decode(pem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", ""));
  }

  @TearDown
  public void tearDown() throws IOException {
    Files.deleteIfExists(pemFile);
    Files.deleteIfExists(rsaPemFile);
  }

  @Benchmark
  public byte[] signHmacOrderlistBot() {
    return ours(ourHmac);
  }

  @Benchmark
  public byte[] signEd25519OrderlistBot() {
    return ours(ourEd25519);
  }

  /** The Ed25519 path before issue 19: the same request signed by the JDK's SunEC provider. */
  @Benchmark
  public byte[] signEd25519OrderlistBotJdkProvider() {
    return ours(jdkEd25519);
  }

  @Benchmark
  public byte[] signRsaOrderlistBot() {
    return ours(ourRsa);
  }

  @Benchmark
  public String signRsaOfficialConnector() {
    return connector(connectorRsa);
  }

  @Benchmark
  public String signHmacOfficialConnector() {
    return connector(connectorHmac);
  }

  @Benchmark
  public String signEd25519OfficialConnector() {
    return connector(connectorEd25519);
  }

  /** What the adapter does per placement: parameters, form body, then the signer on the template. */
  private byte[] ours(BinanceSigner signer) {
    RequestTemplate template = new RequestTemplate().method(Request.HttpMethod.POST).uri("/api/v3/orderList/oco");
    template.body(OrderListParams.of(oco, id).encoded().getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
    signer.apply(template);
    return template.body();
  }

  /** What {@code RequestHandler.sendSignedRequest} does: map, query string, signature, full URL. */
  private static String connector(SignatureGenerator generator) {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("symbol", "BTCUSDT");
    params.put("side", "SELL");
    params.put("quantity", "0.01");
    params.put("listClientOrderId", "tg42-oco-0001");
    params.put("aboveType", "LIMIT_MAKER");
    params.put("abovePrice", "32000");
    params.put("aboveClientOrderId", "tg42-oco-0001-tp");
    params.put("belowType", "STOP_LOSS_LIMIT");
    params.put("belowStopPrice", "29000");
    params.put("belowPrice", "28900");
    params.put("belowTimeInForce", "GTC");
    params.put("belowClientOrderId", "tg42-oco-0001-sl");
    params.put("newOrderRespType", "RESULT");
    params.put("recvWindow", 5000);
    params.put("timestamp", TIMESTAMP);
    String query = UrlBuilder.joinQueryParameters(params);
    params.put("signature", generator.getSignature(query));
    return UrlBuilder.buildFullUrl("https://api.binance.com", "/api/v3/orderList/oco", params);
  }

  private static BinanceSigner signer(ApiCredentials credentials) {
    return new BinanceSigner(credentials.apiKey(), PayloadSigner.of(credentials), () -> TIMESTAMP, "5000");
  }
}
