package dev.orderlistbot.binance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderlistbot.core.domain.ApiCredentials;
import dev.orderlistbot.core.domain.KeyType;
import dev.orderlistbot.core.domain.Secret;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every vector of {@code signature-vectors.json}, signed by the bot's own signers. */
class SignatureVectorsTest {
  private static final JsonNode V = TestKeys.VECTORS;

  static Stream<Arguments> hmacVectors() {
    List<Arguments> vectors = new ArrayList<>();
    for (String group : List.of("official", "derived")) {
      for (JsonNode vector : V.at("/hmac/" + group)) {
        vectors.add(Arguments.of(group + "/" + vector.get("id").asText(), vector.get("payload").asText(), vector.get("signature").asText()));
      }
    }
    return vectors.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hmacVectors")
  void hmacSignsEveryOfficialAndDerivedVector(String id, String payload, String signature) {
    assertThat(PayloadSigner.of(TestKeys.hmac()).sign(payload)).isEqualTo(signature);
  }

  static Stream<Arguments> ed25519Vectors() {
    return vectorsOf("/ed25519/derived/vectors");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("ed25519Vectors")
  void ed25519SignsEveryDerivedVectorAndEncodesItForTheWire(String id, String payload, String base64, String onTheWire) {
    String signature = PayloadSigner.of(TestKeys.ed25519()).sign(payload);

    assertThat(signature).isEqualTo(base64);
    assertThat(WireParams.encode(signature)).isEqualTo(onTheWire);
  }

  @Test
  void ed25519KeyIsTheRfc8032TestOneKeyAndSignsTheEmptyMessageAsTheRfcSays() {
    String signature = PayloadSigner.of(TestKeys.ed25519()).sign("");

    byte[] raw = Base64.getDecoder().decode(signature);
    assertThat(HexFormat.of().formatHex(raw)).isEqualTo(V.at("/ed25519/derived/rfc8032_test1_empty_message_signature_hex").asText());
    assertThat(TestKeys.ed25519Public().getEncoded())
        .endsWith(HexFormat.of().parseHex(V.at("/ed25519/derived/public_key_hex").asText()));
  }

  @Test
  void ed25519SignaturesOfAJdkMadeKeyVerifyWithTheJdkOnRandomPayloads() throws Exception {
    KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    String pem =
        "-----BEGIN PRIVATE KEY-----\n"
            + Base64.getMimeEncoder().encodeToString(pair.getPrivate().getEncoded())
            + "\n-----END PRIVATE KEY-----\n";
    PayloadSigner signer = PayloadSigner.of(new ApiCredentials(KeyType.ED25519, "k", Secret.of(pem)));
    Random random = new Random(19);

    for (int i = 0; i < 200; i++) {
      String payload = randomPayload(random);
      Signature verifier = Signature.getInstance("Ed25519");
      verifier.initVerify(pair.getPublic());
      verifier.update(payload.getBytes(StandardCharsets.UTF_8));

      assertThat(verifier.verify(Base64.getDecoder().decode(signer.sign(payload)))).as(payload).isTrue();
    }
  }

  @Test
  void hmacSignaturesEqualTheJdkMacForKeysOfEveryLengthAndRandomPayloads() throws Exception {
    Random random = new Random(2104);
    for (int keyLength : new int[] {1, 31, 32, 63, 64, 65, 100, 128, 200}) {
      StringBuilder key = new StringBuilder();
      for (int i = 0; i < keyLength; i++) {
        key.append((char) (0x21 + random.nextInt(0x5e)));
      }
      key.setCharAt(0, keyLength % 2 == 0 ? 'é' : key.charAt(0)); // a two-byte character now and then
      PayloadSigner signer = PayloadSigner.of(new ApiCredentials(KeyType.HMAC, "k", Secret.of(key.toString())));
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key.toString().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));

      for (int i = 0; i < 25; i++) {
        byte[] payload = randomPayload(random).getBytes(StandardCharsets.UTF_8);
        int length = i == 0 ? 0 : payload.length - random.nextInt(Math.min(payload.length, 30));
        byte[] expected = mac.doFinal(Arrays.copyOf(payload, length));

        assertThat(signer.sign(payload, length)).as("key %d, payload %d", keyLength, length).isEqualTo(HexFormat.of().formatHex(expected));
      }
    }
  }

  private static String randomPayload(Random random) {
    StringBuilder payload = new StringBuilder("symbol=BTCUSDT&quantity=0.0");
    int length = random.nextInt(400);
    for (int i = 0; i < length; i++) {
      payload.append((char) (0x20 + random.nextInt(0x5f)));
    }
    return payload.append("&timestamp=").append(1_700_000_000_000L + random.nextInt(1_000_000)).toString();
  }

  static Stream<Arguments> rsaVectors() {
    return vectorsOf("/rsa/derived/vectors");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rsaVectors")
  void rsaSignsEveryDerivedVectorAndEncodesItForTheWire(String id, String payload, String base64, String onTheWire) {
    String signature = PayloadSigner.of(TestKeys.rsa()).sign(payload);

    assertThat(signature).isEqualTo(base64);
    assertThat(WireParams.encode(signature)).isEqualTo(onTheWire);
  }

  @Test
  void restNonAsciiVectorIsSignedOverThePercentEncodedSymbol() {
    JsonNode vector = V.at("/hmac/official/1");
    String raw = vector.get("raw_params").asText();
    WireParams params = new WireParams();
    for (String pair : raw.split("&", -1)) {
      int eq = pair.indexOf('=');
      params.add(pair.substring(0, eq), pair.substring(eq + 1));
    }

    assertThat(params.encoded()).isEqualTo(vector.get("payload").asText());
    assertThat(PayloadSigner.of(TestKeys.hmac()).sign(params.encoded())).isEqualTo(vector.get("signature").asText());
  }

  @Test
  void aKeyOfTheWrongKindIsRefusedWithoutQuotingIt() {
    ApiCredentials rsaPemAsEd25519 = new ApiCredentials(KeyType.ED25519, "k", Secret.of(TestKeys.RSA_PRIVATE_PEM));
    ApiCredentials garbage = new ApiCredentials(KeyType.RSA, "k", Secret.of("-----BEGIN PRIVATE KEY-----\nnot*base64\n-----END PRIVATE KEY-----"));

    assertThatThrownBy(() -> PayloadSigner.of(rsaPemAsEd25519))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("not a PKCS#8 Ed25519 private key")
        .hasNoCause();
    assertThatThrownBy(() -> PayloadSigner.of(garbage))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("not*base64");
  }

  @Test
  void signersNameTheirAlgorithmOnly() {
    assertThat(PayloadSigner.of(TestKeys.hmac())).hasToString("PayloadSigner[HMAC-SHA256]");
    assertThat(PayloadSigner.of(TestKeys.ed25519())).hasToString("PayloadSigner[Ed25519]");
    assertThat(PayloadSigner.of(TestKeys.rsa())).hasToString("PayloadSigner[SHA256withRSA]");
  }

  private static Stream<Arguments> vectorsOf(String pointer) {
    List<Arguments> vectors = new ArrayList<>();
    for (Map.Entry<String, JsonNode> vector : V.at(pointer).properties()) {
      JsonNode v = vector.getValue();
      vectors.add(
          Arguments.of(
              vector.getKey(),
              v.get("payload").asText(),
              v.get("signature_base64").asText(),
              v.get("signature_percent_encoded").asText()));
    }
    return vectors.stream();
  }
}
