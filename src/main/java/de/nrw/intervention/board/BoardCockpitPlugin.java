package de.nrw.intervention.board;

import java.util.Set;
import org.camunda.bpm.cockpit.plugin.spi.impl.AbstractCockpitPlugin;

/**
 * The deadline board as a Cockpit plugin: the front end ({@code plugin-webapp/intervention-deadline-board}: a
 * dashboard section, a page of its own at {@code #/fristen} and its menu entry) and the resource it reads.
 */
public class BoardCockpitPlugin extends AbstractCockpitPlugin {

  static final String ID = "intervention-deadline-board";

  @Override
  public String getId() {
    return ID;
  }

  @Override
  public Set<Class<?>> getResourceClasses() {
    return Set.of(BoardRootResource.class);
  }
}
