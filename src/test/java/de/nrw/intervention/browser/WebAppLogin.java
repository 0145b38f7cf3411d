package de.nrw.intervention.browser;

import com.microsoft.playwright.Page;

/** The login form that every Camunda web app shows first (demo password). */
final class WebAppLogin {

  private WebAppLogin() {
  }

  static void signIn(Page page, String appUrl, String user) {
    page.navigate(appUrl);
    page.locator("input[ng-model='username']").fill(user);
    page.locator("input[type='password']").fill("demo");
    page.locator("button[type='submit']").click();
  }
}
