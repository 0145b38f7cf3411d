package de.nrw.intervention.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaIn;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaOut;

/** The call activities of the models in {@code processes/} that call one process, and what they map. */
public final class CallActivities {

  private CallActivities() {
  }

  public static List<CallActivity> calling(String processKey) {
    try (Stream<Path> files = Files.list(Path.of("processes"))) {
      return files.filter(file -> file.toString().endsWith(".bpmn"))
          .map(file -> Bpmn.readModelFromFile(file.toFile()))
          .flatMap(model -> model.getModelElementsByType(CallActivity.class).stream())
          .filter(call -> processKey.equals(call.getCalledElement()))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static List<CamundaIn> ins(CallActivity call) {
    return call.getExtensionElements().getElementsQuery().filterByType(CamundaIn.class).list();
  }

  public static List<CamundaOut> outs(CallActivity call) {
    return call.getExtensionElements().getElementsQuery().filterByType(CamundaOut.class).list();
  }
}
