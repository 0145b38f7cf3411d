package de.nrw.intervention.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import de.nrw.intervention.testsupport.TestPostgres;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
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

    JsonNode deployments = nodeA.rest("demo").getForObject("/engine-rest/deployment?name=intervention-models&firstResult=0&maxResults=10", JsonNode.class);
    assertThat(deployments).hasSize(1);

    assertThat(nodeA.startBanCase("KOE-CLUSTER-1", "2026-11-24T22:30+01:00")).isEqualTo(HttpStatus.OK);

    JsonNode onB = nodeB.rest("officer").getForObject(
        "/engine-rest/task?processInstanceBusinessKey=KOE-CLUSTER-1&firstResult=0&maxResults=10", JsonNode.class);
    assertThat(onB).hasSize(1);
    assertThat(onB.get(0).get("name").asText()).isEqualTo("Einhaltung des Rückkehrverbots prüfen");
    String taskId = onB.get(0).get("id").asText();

    ResponseEntity<String> completed = nodeB.rest("officer").postForEntity("/engine-rest/task/" + taskId + "/complete",
        Map.of("variables", Map.of(
            "complianceCheckDateTime", AppNode.typed("2026-11-26T10:00+01:00", "String"),
            "banViolated", AppNode.typed(false, "Boolean"),
            "protectionOrderApplied", AppNode.typed(false, "Boolean"))),
        String.class);
    assertThat(completed.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

    JsonNode stillOpen = nodeA.rest("officer").getForObject("/engine-rest/task?taskId=" + taskId + "&firstResult=0&maxResults=10", JsonNode.class);
    assertThat(stillOpen).isEmpty();
    JsonNode finished = nodeA.rest("demo").getForObject(
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
}
