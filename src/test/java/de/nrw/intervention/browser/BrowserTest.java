package de.nrw.intervention.browser;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test that drives Tasklist or Cockpit in headless Chromium against the running application. Skipped, with one
 * line saying how to enable it, where Chromium is missing; the app is started once for all such classes.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith({ChromiumAvailable.class, RunningApp.Extension.class, BrowserExtension.class})
@interface BrowserTest {
}
