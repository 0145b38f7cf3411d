package de.nrw.intervention.inbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import org.apache.ibatis.builder.xml.XMLMapperBuilder;
import org.apache.ibatis.session.Configuration;
import org.camunda.bpm.engine.impl.db.sql.DbSqlSessionFactory;

/**
 * Loads our MyBatis mapper files into the engine's configuration and puts our statements in place of the engine's,
 * by the mechanism the engine uses for its own database-specific statements.
 */
public final class MapperLoader {

  private MapperLoader() {
  }

  /** Engine statement id → ours, for this engine only. */
  public static void mapStatements(DbSqlSessionFactory sessions, Map<String, String> statements) {
    // A copy: the engine's map for this database type is static and shared by every engine in the JVM.
    Map<String, String> mappings = sessions.getStatementMappings() == null
        ? new HashMap<>() : new HashMap<>(sessions.getStatementMappings());
    mappings.putAll(statements);
    sessions.setStatementMappings(mappings);
  }

  /** Once per configuration (engines may share one). */
  public static void load(Configuration myBatis, String resource) {
    synchronized (myBatis) {
      if (myBatis.isResourceLoaded(resource)) {
        return;
      }
      try (InputStream mapper = MapperLoader.class.getClassLoader().getResourceAsStream(resource)) {
        if (mapper == null) {
          throw new IllegalStateException("Query mapper " + resource + " is missing from the classpath");
        }
        new XMLMapperBuilder(mapper, myBatis, resource, myBatis.getSqlFragments()).parse();
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read query mapper " + resource, e);
      }
    }
  }
}
