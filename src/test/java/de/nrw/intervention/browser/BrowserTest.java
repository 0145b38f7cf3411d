package de.nrw.intervention.browser;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test that drives Tasklist or Cockpit in headless Chromium against the running application. Skipped, with one
 * line saying how to enable it, where Chromium is missing; the app is started once for all such classes, in the
 * failsafe execution {@code browser-tests} (tag {@code browser}), away from the other integration tests.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("browser")
@ExtendWith({ChromiumAvailable.class, RunningApp.Extension.class, BrowserExtension.class})
@interface BrowserTest {
}
