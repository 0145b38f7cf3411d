package de.nrw.intervention.reminder;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.util.StreamProvider;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** The shortcut names the very provider the ServiceLoader finds, and Jakarta Mail then uses it. */
class MailStreamProviderShortcutTest {

  @Test
  void install_fixesTheProviderTheServiceLoaderFinds() {
    String found = ServiceLoader.load(StreamProvider.class).findFirst().orElseThrow().getClass().getName();
    String before = System.getProperty(MailStreamProviderShortcut.PROPERTY);
    try {
      System.clearProperty(MailStreamProviderShortcut.PROPERTY);
      MailStreamProviderShortcut.install();

      assertThat(System.getProperty(MailStreamProviderShortcut.PROPERTY)).isEqualTo(found);
      assertThat(StreamProvider.provider().getClass().getName()).isEqualTo(found);
    } finally {
      restore(before);
    }
  }

  @Test
  void install_keepsAValueTheOperatorSet() {
    String before = System.getProperty(MailStreamProviderShortcut.PROPERTY);
    try {
      System.setProperty(MailStreamProviderShortcut.PROPERTY, "org.eclipse.angus.mail.util.MailStreamProvider");
      MailStreamProviderShortcut.install();

      assertThat(System.getProperty(MailStreamProviderShortcut.PROPERTY))
          .isEqualTo("org.eclipse.angus.mail.util.MailStreamProvider");
    } finally {
      restore(before);
    }
  }

  private static void restore(String value) {
    if (value == null) {
      System.clearProperty(MailStreamProviderShortcut.PROPERTY);
    } else {
      System.setProperty(MailStreamProviderShortcut.PROPERTY, value);
    }
  }
}
