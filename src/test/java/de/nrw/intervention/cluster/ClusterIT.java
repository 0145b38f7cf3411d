package de.nrw.intervention.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import de.nrw.intervention.testsupport.TestPostgres;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** Two application processes on one PostgreSQL database, started together as an orchestrator would. */
class ClusterIT {

  private final List<AppNode> nodes = new java.util.ArrayList<>();

  @AfterEach
  void stopNodes() throws InterruptedException {
    for (AppNode node : nodes) {
      node.close();
    }
  }

  @Test
  void twoNodesStartedTogether_deployOnce_andShareTasks() throws Exception {
    String database = TestPostgres.newDatabase();
    CompletableFuture<AppNode> a = CompletableFuture.supplyAsync(() -> startNode("node-a", database));
    CompletableFuture<AppNode> b = CompletableFuture.supplyAsync(() -> startNode("node-b", database));
    AppNode nodeA = a.get().awaitReady();
    AppNode nodeB = b.get().awaitReady();

    JsonNode deployments = rest(nodeA, "demo").getForObject("/engine-rest/deployment?name=intervention-models&firstResult=0&maxResults=10", JsonNode.class);
    assertThat(deployments).hasSize(1);

    ResponseEntity<JsonNode> started = rest(nodeA, "officer").postForEntity(
        "/engine-rest/process-definition/key/domestic-violence-intervention/start",
        Map.of("businessKey", "KOE-CLUSTER-1", "variables", Map.of(
            "caseReference", typed("KOE-CLUSTER-1", "String"),
            "district", typed("koeln", "String"),
            "operationDateTime", typed("2026-11-24T21:45+01:00", "String"),
            "expulsionOrderIssued", typed(true, "Boolean"),
            "expulsionOrderDateTime", typed("2026-11-24T22:30+01:00", "String"),
            "childCount", typed(0, "Long"),
            "victimConsentsToCounselling", typed(false, "Boolean"))),
        JsonNode.class);
    assertThat(started.getStatusCode()).isEqualTo(HttpStatus.OK);

    JsonNode onB = rest(nodeB, "officer").getForObject(
        "/engine-rest/task?processInstanceBusinessKey=KOE-CLUSTER-1&firstResult=0&maxResults=10", JsonNode.class);
    assertThat(onB).hasSize(1);
    assertThat(onB.get(0).get("name").asText()).isEqualTo("Check compliance with the return ban");
    String taskId = onB.get(0).get("id").asText();

    ResponseEntity<String> completed = rest(nodeB, "officer").postForEntity("/engine-rest/task/" + taskId + "/complete",
        Map.of("variables", Map.of(
            "complianceCheckDateTime", typed("2026-11-26T10:00+01:00", "String"),
            "banViolated", typed(false, "Boolean"),
            "protectionOrderApplied", typed(false, "Boolean"))),
        String.class);
    assertThat(completed.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

    JsonNode stillOpen = rest(nodeA, "officer").getForObject("/engine-rest/task?taskId=" + taskId + "&firstResult=0&maxResults=10", JsonNode.class);
    assertThat(stillOpen).isEmpty();
    JsonNode finished = rest(nodeA, "demo").getForObject(
        "/engine-rest/history/task?taskId=" + taskId + "&finished=true&firstResult=0&maxResults=10", JsonNode.class);
    assertThat(finished).hasSize(1);
  }

  private AppNode startNode(String name, String database) {
    try {
      AppNode node = AppNode.start(name, database);
      nodes.add(node);
      return node;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static TestRestTemplate rest(AppNode node, String user) {
    return new TestRestTemplate(new org.springframework.boot.web.client.RestTemplateBuilder()
        .rootUri("http://localhost:" + node.port)).withBasicAuth(user, "demo");
  }

  private static Map<String, Object> typed(Object value, String type) {
    return Map.of("value", value, "type", type);
  }
}
