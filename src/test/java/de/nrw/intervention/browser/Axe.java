package de.nrw.intervention.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.LoadState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * axe-core (npm devDependency, installed by {@code scripts/install-node-modules.sh} before the integration tests)
 * run inside a page: the WCAG 2.1 A and AA rules, as BITV NRW asks for them.
 */
final class Axe {

  static final Path SCRIPT = Path.of("node_modules/axe-core/axe.min.js");

  /** Runs after two animation frames, so our custom script has repaired what the last re-render brought. */
  private static final String RUN = """
      async () => {
        await new Promise(resolve => requestAnimationFrame(() => requestAnimationFrame(resolve)));
        const result = await axe.run(document, {
          runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}
        });
        return result.violations
          .filter(violation => violation.impact === 'critical' || violation.impact === 'serious')
          .flatMap(violation => violation.nodes.map(node =>
            violation.id + ' (' + violation.impact + ') ' + node.target.join(' ') + ': ' + violation.help));
      }
      """;

  private Axe() {
  }

  /** Fails on any critical or serious violation, one line each: rule id, impact, target, what the rule asks. */
  static void assertNoSeriousViolations(Page page, String what) {
    assertThat(seriousViolations(page))
        .as("critical and serious axe-core violations (WCAG 2.1 A/AA) on %s", what).isEmpty();
  }

  @SuppressWarnings("unchecked")
  static List<String> seriousViolations(Page page) {
    page.waitForLoadState(LoadState.NETWORKIDLE);
    page.addScriptTag(new Page.AddScriptTagOptions().setContent(script()));
    return (List<String>) page.evaluate(RUN);
  }

  private static String script() {
    if (!Files.isRegularFile(SCRIPT)) {
      throw new IllegalStateException(SCRIPT + " is missing: run `npm ci` in the project root (Node.js and npm)");
    }
    try {
      return Files.readString(SCRIPT);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
