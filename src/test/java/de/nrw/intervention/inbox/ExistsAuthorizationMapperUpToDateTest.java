package de.nrw.intervention.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Our query mappers are the engine's mapping files with a changed authorization check. After a Camunda upgrade
 * that changes those files, the copies would silently lag behind (new filters missing): this fails instead.
 */
class ExistsAuthorizationMapperUpToDateTest {

  @ParameterizedTest
  @CsvSource({"Task.xml, TaskQueryWithExistsAuthorization.xml",
      "VariableInstance.xml, VariableQueryWithExistsAuthorization.xml"})
  void mapperWasGeneratedFromTheEngineFileOnTheClasspath(String engineFile, String mapperFile) throws Exception {
    String engineXml = read("org/camunda/bpm/engine/impl/mapping/entity/" + engineFile);
    String digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
        .digest(engineXml.getBytes(StandardCharsets.UTF_8)));
    String mapper = read("de/nrw/intervention/inbox/" + mapperFile);

    assertThat(ExistsAuthorizationPlugin.MAPPERS).contains("de/nrw/intervention/inbox/" + mapperFile);
    assertThat(mapper)
        .as("The engine's " + engineFile + " changed: run python3 scripts/generate-task-query-mapper.py and re-run")
        .contains(engineFile + " sha256: " + digest);
  }

  private static String read(String resource) throws Exception {
    try (InputStream in = ExistsAuthorizationMapperUpToDateTest.class.getClassLoader().getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
