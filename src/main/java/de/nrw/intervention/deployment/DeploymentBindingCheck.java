package de.nrw.intervention.deployment;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.BpmnParseException;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * Refuses a new deployment in which a process binds a form, a decision or a called process with
 * {@code binding="deployment"} that the deployment does not contain. Camunda Modeler's deploy button sends the diagram
 * alone unless the designer attaches files; without this check such a deployment becomes the latest version and every
 * new case fails at its start form (404) or its first decision (500). The refusal is a parse error on the element, so
 * {@code POST /deployment/create} answers 400 with the resource and element, and the Modeler shows the message.
 *
 * <p>Only new deployments are checked: the engine parses old ones again when its cache is cold, and those must keep
 * loading as they are.
 */
class DeploymentBindingCheck extends AbstractBpmnParseListener {


  private final FolderHints hints;

  DeploymentBindingCheck(FolderHints hints) {
    this.hints = hints;
  }

  @Override
  public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
    DeploymentEntity deployment = Context.getCommandContext().getDbEntityManager()
        .getCachedEntity(DeploymentEntity.class, processDefinition.getDeploymentId());
    if (deployment == null || !deployment.isNew()) {
      return;
    }
    Contents contents = Contents.of(deployment);
    List<Element> elements = new ArrayList<>();
    collect(processElement, elements);
    Map<String, Element> missing = new LinkedHashMap<>(); // what is missing -> first element that needs it
    for (Element element : elements) {
      missing(element, "formRef", "formRefBinding", contents.formIds, "Formular", hints::formFile)
          .ifPresent(what -> missing.putIfAbsent(what, element));
      missing(element, "decisionRef", "decisionRefBinding", contents.decisionIds, "Entscheidung", hints::decisionFile)
          .ifPresent(what -> missing.putIfAbsent(what, element));
      missing(element, "calledElement", "calledElementBinding", contents.processIds, "Prozess", hints::processFile)
          .ifPresent(what -> missing.putIfAbsent(what, element));
    }
    if (!missing.isEmpty()) {
      Element first = missing.values().iterator().next();
      throw new BpmnParseException("Bereitstellung abgelehnt: Prozess '" + processElement.attribute("id")
          + "' verwendet mit binding=deployment, was diese Bereitstellung nicht enthält: " + missing.entrySet().stream()
              .map(entry -> entry.getKey() + " (in '" + entry.getValue().attribute("id") + "')")
              .collect(Collectors.joining(", "))
          + ". Im Deploy-Dialog von Camunda Modeler diese Dateien anhängen (\"Include additional files\") oder die"
          + " App mit den Ordnern processes/ und forms/ neu starten (docs/MODELLING.md, \"Deploying from Camunda"
          + " Modeler\").", first);
    }
  }

  /** The file (or, without a file in the folders, the id) an element binds to and the deployment lacks. */
  private static Optional<String> missing(Element element, String refAttribute, String bindingAttribute,
      Set<String> contained, String what, Function<String, String> fileHint) {
    String ref = camundaOrPlain(element, refAttribute);
    String binding = element.attributeNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, bindingAttribute);
    if (ref == null || ref.isBlank() || !"deployment".equals(binding) || ref.contains("${") || ref.contains("#{")
        || contained.contains(ref)) {
      return Optional.empty();
    }
    String file = fileHint.apply(ref);
    return Optional.of(file != null ? file : what + " '" + ref + "'");
  }

  /** calledElement is a BPMN attribute; formRef, decisionRef and the bindings are Camunda extensions. */
  private static String camundaOrPlain(Element element, String attribute) {
    String camunda = element.attributeNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, attribute);
    return camunda != null ? camunda : element.attribute(attribute);
  }

  private static void collect(Element scope, List<Element> into) {
    for (Element child : scope.elements()) {
      into.add(child);
      collect(child, into);
    }
  }

  /** The ids a deployment provides: form ids, decision ids and process ids. */
  private record Contents(Set<String> formIds, Set<String> decisionIds, Set<String> processIds) {

    static Contents of(DeploymentEntity deployment) {
      Set<String> forms = new HashSet<>();
      Set<String> decisions = new HashSet<>();
      Set<String> processes = new HashSet<>();
      Map<String, ResourceEntity> resources = deployment.getResources();
      if (resources != null) {
        for (ResourceEntity resource : resources.values()) {
          String name = resource.getName();
          byte[] bytes = resource.getBytes();
          if (name.endsWith(".form")) {
            ModelIds.formIdOrNone(bytes).ifPresent(forms::add);
          } else if (name.endsWith(".dmn") || name.endsWith(".dmn11.xml")) {
            decisions.addAll(ModelIds.decisionIdsOrNone(bytes));
          } else if (name.endsWith(".bpmn") || name.endsWith(".bpmn20.xml")) {
            processes.addAll(ModelIds.processIdsOrNone(bytes));
          }
        }
      }
      return new Contents(forms, decisions, processes);
    }
  }
}
