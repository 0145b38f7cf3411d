package de.nrw.intervention.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * Our task query mapper is the engine's Task.xml with a changed authorization check. After a Camunda upgrade that
 * changes Task.xml, the copy would silently lag behind (new filters missing): this fails instead.
 */
class ExistsAuthorizationMapperUpToDateTest {

  @Test
  void mapperWasGeneratedFromTheEnginesTaskQueryOnTheClasspath() throws Exception {
    String engineTaskXml = read("org/camunda/bpm/engine/impl/mapping/entity/Task.xml");
    String digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
        .digest(engineTaskXml.getBytes(StandardCharsets.UTF_8)));
    String mapper = read(ExistsAuthorizationTaskQueryPlugin.MAPPER);
    assertThat(mapper)
        .as("The engine's Task.xml changed: run python3 scripts/generate-task-query-mapper.py and re-run the tests")
        .contains("Task.xml sha256: " + digest);
  }

  private static String read(String resource) throws Exception {
    try (InputStream in = ExistsAuthorizationMapperUpToDateTest.class.getClassLoader().getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
