package de.nrw.intervention.deployment;

import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.impl.util.xml.Namespace;

/**
 * A Camunda extension property ({@code <camunda:property name=".." value=".."/>}) of a model element, as parse
 * listeners read the settings designers put on user tasks ({@code reminderLead}, {@code legalDeadline}, ...).
 */
public final class ExtensionProperty {

  private static final Namespace CAMUNDA = new Namespace(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS.getNamespaceUri());

  private ExtensionProperty() {
  }

  /** The first property of that name on the element, or null; its {@code value} attribute may be missing. */
  public static Element find(Element element, String name) {
    Element extensions = element.element("extensionElements");
    Element properties = extensions == null ? null : extensions.elementNS(CAMUNDA, "properties");
    if (properties == null) {
      return null;
    }
    for (Element property : properties.elementsNS(CAMUNDA, "property")) {
      if (name.equals(property.attribute("name"))) {
        return property;
      }
    }
    return null;
  }
}
