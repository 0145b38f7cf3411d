package de.nrw.intervention.testsupport;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import org.springframework.test.context.DynamicPropertyRegistry;

/** The real SMTP server (GreenMail) the mail tests send to, and the settings that point the app at it. */
public final class TestMailServer {

  private static final String HOST = "127.0.0.1";

  private TestMailServer() {
  }

  /** One server for the whole test class (not restarted per method), on the given port. */
  public static GreenMailExtension smtp(int port) {
    return new GreenMailExtension(new ServerSetup(port, HOST, ServerSetup.PROTOCOL_SMTP)).withPerMethodLifecycle(false);
  }

  /** For a {@code @DynamicPropertySource}: the app's mail sender talks to that server. */
  public static void register(DynamicPropertyRegistry registry, int port) {
    registry.add("spring.mail.host", () -> HOST);
    registry.add("spring.mail.port", () -> port);
  }
}
