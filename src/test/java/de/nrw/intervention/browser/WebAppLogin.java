package de.nrw.intervention.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.LoadState;

/** The login form that every Camunda web app shows first (demo password). */
final class WebAppLogin {

  private WebAppLogin() {
  }

  static void signIn(Page page, String appUrl, String user) {
    page.navigate(appUrl);
    // The login view renders again once the translations have loaded; typed into the first rendering, the password
    // once ended up in the user name field ("officerdemo").
    page.waitForLoadState(LoadState.NETWORKIDLE);
    Locator name = page.locator("input[ng-model='username']");
    Locator password = page.locator("input[type='password']");
    name.fill(user);
    password.fill("demo");
    assertThat(name).hasValue(user);
    assertThat(password).hasValue("demo");
    page.locator("button[type='submit']").click();
  }
}
