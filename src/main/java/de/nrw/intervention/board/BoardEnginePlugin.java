package de.nrw.intervention.board;

import de.nrw.intervention.inbox.MapperLoader;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

/** Loads the board's statements into the engine's MyBatis configuration, where the engine's tables are mapped. */
class BoardEnginePlugin extends AbstractProcessEnginePlugin {

  static final String MAPPER = "de/nrw/intervention/board/DeadlineBoard.xml";

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    MapperLoader.load(configuration.getSqlSessionFactory().getConfiguration(), MAPPER);
  }
}
