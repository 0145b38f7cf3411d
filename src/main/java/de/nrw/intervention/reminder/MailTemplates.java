package de.nrw.intervention.reminder;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.web.util.HtmlUtils;

/**
 * Plain-text and HTML templates from {@code reminder/mail/<kind>_<language>.txt|.html}, with
 * {@code {{placeholder}}} fields filled from {@link MailFacts}. The first line of the text template is
 * {@code Subject: ...}. A placeholder the facts do not know fails loudly, so a template cannot ask for
 * more data than the facts allow.
 *
 * <p>Hand-rolled rather than a template engine: five fields, no loops, and no new dependency.
 */
class MailTemplates {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*(\\w+)\\s*}}");
  private static final String SUBJECT_PREFIX = "Subject:";
  private static final String FALLBACK_LANGUAGE = "en";

  record RenderedMail(String subject, String text, String html) { }

  private final Locale locale;
  private final Map<String, String> cache = new ConcurrentHashMap<>();

  MailTemplates(Locale locale) {
    this.locale = locale;
  }

  RenderedMail render(MailKind kind, MailFacts facts) {
    String text = fill(template(kind, "txt"), facts.placeholders(), UnaryOperator.identity());
    String html = fill(template(kind, "html"), facts.placeholders(), HtmlUtils::htmlEscape);
    int lineEnd = text.indexOf('\n');
    String firstLine = lineEnd < 0 ? text : text.substring(0, lineEnd);
    if (!firstLine.startsWith(SUBJECT_PREFIX)) {
      throw new IllegalStateException("Mail template " + kind.template() + " must start with '" + SUBJECT_PREFIX + "'");
    }
    return new RenderedMail(firstLine.substring(SUBJECT_PREFIX.length()).trim(), text.substring(lineEnd + 1).strip() + "\n", html);
  }

  private String template(MailKind kind, String extension) {
    String language = locale.getLanguage();
    return cache.computeIfAbsent(kind.template() + "_" + language + "." + extension, name -> {
      String loaded = load(name);
      if (loaded == null) {
        loaded = load(kind.template() + "_" + FALLBACK_LANGUAGE + "." + extension);
      }
      if (loaded == null) {
        throw new IllegalStateException("Mail template missing: reminder/mail/" + name);
      }
      return loaded;
    });
  }

  private static String load(String name) {
    try (InputStream in = MailTemplates.class.getClassLoader().getResourceAsStream("reminder/mail/" + name)) {
      return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String fill(String template, Map<String, String> values, UnaryOperator<String> escape) {
    Matcher matcher = PLACEHOLDER.matcher(template);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      String value = values.get(matcher.group(1));
      if (value == null) {
        throw new IllegalStateException("Mail template asks for unknown field '" + matcher.group(1) + "'");
      }
      matcher.appendReplacement(out, Matcher.quoteReplacement(escape.apply(value)));
    }
    matcher.appendTail(out);
    return out.toString();
  }
}
