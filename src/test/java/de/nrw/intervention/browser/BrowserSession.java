package de.nrw.intervention.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.engine.FilterService;
import org.junit.jupiter.api.extension.ExtensionContext;

/** The browser windows of one test: one logged-in window per user, and the screenshots they leave. */
final class BrowserSession implements ExtensionContext.Store.CloseableResource {

  static final Path SCREENSHOTS = Path.of("target/browser-screenshots");

  private final Browser browser;
  private final RunningApp app;
  private final Path folder;
  private final List<BrowserContext> contexts = new ArrayList<>();
  private final List<Page> pages = new ArrayList<>();
  private int step;

  BrowserSession(Browser browser, RunningApp app, String testClass, String testMethod) {
    this.browser = browser;
    this.app = app;
    this.folder = SCREENSHOTS.resolve(testClass).resolve(testMethod);
    deleteOldScreenshots();
  }

  /** The id of the shared Tasklist filter of that name, to tell its list request from other filters' requests. */
  String filterId(String name) {
    return app.bean(FilterService.class).createFilterQuery().filterName(name).singleResult().getId();
  }

  /**
   * Logs the user in to Tasklist of the app as it runs now (the designer scenario restarts it on another port), in a
   * German browser: our caseworkers' browsers are German.
   */
  Tasklist tasklist(String user) {
    return tasklist(user, WebAppLanguage.GERMAN);
  }

  Tasklist tasklist(String user, WebAppLanguage language) {
    return new Tasklist(newPage(language), app.baseUrl(), this, language).login(user);
  }

  /** What a user does with a link from a mail: opens it, Tasklist asks for the login, then shows what it links. */
  Tasklist tasklistLink(String link, String user) {
    return new Tasklist(newPage(WebAppLanguage.GERMAN), app.baseUrl(), this, WebAppLanguage.GERMAN)
        .loginAt(link, user);
  }

  Cockpit cockpit(String user) {
    return cockpit(user, WebAppLanguage.GERMAN);
  }

  Cockpit cockpit(String user, WebAppLanguage language) {
    return new Cockpit(newPage(language), app.baseUrl(), this, language).login(user);
  }

  /** A window that opens a page without logging in, e.g. the public accessibility statement. */
  Page anonymousPage(WebAppLanguage language) {
    return newPage(language);
  }

  /** A happy-path screenshot, numbered in the order the steps happen. */
  void step(Page page, String name) {
    step++;
    page.screenshot(new Page.ScreenshotOptions().setPath(folder.resolve(String.format("%02d-%s.png", step, name))));
  }

  void screenshotOnFailure() {
    for (int i = 0; i < pages.size(); i++) {
      Page page = pages.get(i);
      if (!page.isClosed()) {
        page.screenshot(new Page.ScreenshotOptions().setPath(folder.resolve("FAILED-window-" + (i + 1) + ".png")));
      }
    }
  }

  /** A passing run must not leave the failure screenshot of an earlier run beside its own. */
  private void deleteOldScreenshots() {
    try (Stream<Path> files = Files.exists(folder) ? Files.list(folder) : Stream.empty()) {
      for (Path file : files.toList()) {
        Files.delete(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Page newPage(WebAppLanguage language) {
    // Caseworkers sit in NRW: dates and "due in" are shown in Berlin time, as they would see them.
    BrowserContext context = browser.newContext(new Browser.NewContextOptions()
        .setViewportSize(1400, 900).setTimezoneId("Europe/Berlin").setLocale(language.browserLocale));
    context.setDefaultTimeout(15_000);
    contexts.add(context);
    Page page = context.newPage();
    pages.add(page);
    return page;
  }

  @Override
  public void close() {
    contexts.forEach(BrowserContext::close);
  }
}
