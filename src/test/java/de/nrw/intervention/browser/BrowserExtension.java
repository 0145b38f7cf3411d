package de.nrw.intervention.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One headless Debian Chromium for the whole run; each test gets a {@link BrowserSession} (fresh browser contexts,
 * so users never share a login) and a screenshot of every open page when it fails.
 */
class BrowserExtension implements ParameterResolver, AfterTestExecutionCallback {

  /** Flags that keep Chromium from calling out of this machine's closed network at every start. */
  private static final List<String> CHROMIUM_ARGS = List.of("--no-sandbox", "--disable-gpu", "--disable-quic",
      "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync");

  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(BrowserExtension.class);

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == BrowserSession.class || type == RunningApp.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    if (parameter.getParameter().getType() == RunningApp.class) {
      return RunningApp.get(context);
    }
    Browser browser = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
        .getOrComputeIfAbsent(SharedBrowser.class, key -> new SharedBrowser(), SharedBrowser.class).browser;
    BrowserSession session = new BrowserSession(browser, RunningApp.get(context),
        context.getRequiredTestClass().getSimpleName(), context.getRequiredTestMethod().getName());
    context.getStore(NAMESPACE).put(BrowserSession.class, session);
    return session;
  }

  @Override
  public void afterTestExecution(ExtensionContext context) {
    BrowserSession session = context.getStore(NAMESPACE).get(BrowserSession.class, BrowserSession.class);
    if (session != null && context.getExecutionException().isPresent()) {
      session.screenshotOnFailure();
    }
  }

  private static final class SharedBrowser implements ExtensionContext.Store.CloseableResource {
    private final Playwright playwright;
    private final Browser browser;

    SharedBrowser() {
      // Playwright may not fetch its own browsers here; it drives Debian's chromium instead.
      playwright = Playwright.create(new Playwright.CreateOptions()
          .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
      browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
          .setExecutablePath(ChromiumAvailable.CHROMIUM)
          .setHeadless(true)
          .setArgs(CHROMIUM_ARGS));
    }

    @Override
    public void close() {
      browser.close();
      playwright.close();
    }
  }
}
