package dev.orderlistbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * No Docker engine runs where the tests run, so {@code docker-compose.yml} is held to its promises
 * here: the profile-less file is the single H2 bot, and the {@code postgres} profile is a PostgreSQL
 * server with two bot replicas sharing its password and one master key through Docker secrets.
 */
class ComposeFileTest {
  private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
  private static final List<String> REPLICAS = List.of("bot-a", "bot-b");
  private static JsonNode compose;

  @BeforeAll
  static void read() throws IOException {
    compose = new YAMLMapper().readTree(ROOT.resolve("docker-compose.yml").toFile());
  }

  @Test
  void withoutAProfileOnlyTheH2BotStarts() {
    List<String> unprofiled = new ArrayList<>();
    compose.get("services").properties().forEach(e -> {
      if (!e.getValue().has("profiles")) {
        unprofiled.add(e.getKey());
      }
    });
    JsonNode bot = service("bot");

    assertThat(unprofiled).containsExactly("bot");
    assertThat(bot.get("environment").has("BOT_DB_URL")).as("the default bot keeps H2 in its volume").isFalse();
    assertThat(texts(bot.get("volumes"))).containsExactly("bot-data:/data");
    assertThat(texts(bot.get("ports"))).containsExactly("127.0.0.1:8080:8080");
  }

  @Test
  void thePostgresProfileRunsAPinnedPostgresqlWithAVolumeAHealthcheckAndTheSecretPassword() {
    JsonNode postgres = service("postgres");

    assertThat(texts(postgres.get("profiles"))).containsExactly("postgres");
    assertThat(postgres.get("image").asText()).matches("postgres:16(-[a-z0-9.]+)?");
    assertThat(texts(postgres.get("volumes"))).containsExactly("postgres-data:/var/lib/postgresql/data");
    assertThat(compose.get("volumes").has("postgres-data")).isTrue();
    assertThat(String.join(" ", texts(postgres.get("healthcheck").get("test")))).contains("pg_isready");
    assertThat(postgres.get("environment").get("POSTGRES_PASSWORD_FILE").asText()).isEqualTo("/run/secrets/postgres_password");
    assertThat(postgres.get("environment").has("POSTGRES_PASSWORD")).isFalse();
    assertThat(texts(postgres.get("secrets"))).containsExactly("postgres_password");
  }

  @Test
  void bothReplicasWaitForAHealthyPostgresAndShareItsPasswordAndOneMasterKey() {
    for (String name : REPLICAS) {
      JsonNode replica = service(name);
      JsonNode env = replica.get("environment");

      assertThat(texts(replica.get("profiles"))).as(name).containsExactly("postgres");
      assertThat(replica.get("depends_on").get("postgres").get("condition").asText()).as(name).isEqualTo("service_healthy");
      assertThat(env.get("BOT_DB_URL").asText()).as(name).startsWith("jdbc:postgresql://postgres:5432/");
      assertThat(env.get("BOT_DB_PASSWORD_FILE").asText()).as(name).isEqualTo("/run/secrets/postgres_password");
      assertThat(env.get("BOT_MASTER_KEY_FILE").asText()).as(name).isEqualTo("/run/secrets/master_key");
      assertThat(texts(replica.get("secrets"))).as(name).contains("postgres_password", "master_key");
    }
    assertThat(REPLICAS.stream().map(name -> texts(service(name).get("ports")))).doesNotHaveDuplicates();
    assertThat(REPLICAS.stream().map(name -> texts(service(name).get("volumes")))).doesNotHaveDuplicates();
  }

  @Test
  void everySecretAServiceUsesIsAFileUnderSecrets() {
    Map<String, String> files = new HashMap<>();
    compose.get("secrets").properties().forEach(e -> files.put(e.getKey(), e.getValue().get("file").asText()));

    compose.get("services").properties().forEach(e -> {
      for (String secret : texts(e.getValue().get("secrets"))) {
        assertThat(files).as("secret %s of %s", secret, e.getKey()).containsKey(secret);
        assertThat(files.get(secret)).startsWith("./secrets/");
      }
    });
  }

  private static JsonNode service(String name) {
    JsonNode service = compose.get("services").get(name);
    assertThat(service).as("service %s", name).isNotNull();
    return service;
  }

  private static List<String> texts(JsonNode array) {
    if (array == null) {
      return List.of();
    }
    return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
  }
}
